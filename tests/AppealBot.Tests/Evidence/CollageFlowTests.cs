using AppealBot.Evidence;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;
using SkiaSharp;

namespace AppealBot.Tests.Evidence;

/// <summary>The collage maker through the real host and the fake Bot API: photos in, numbered collages out as documents.</summary>
public sealed class CollageFlowTests : BotTests
{
    private const string Order = "8123456789012345";
    private const int MaxSide = 1600;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Collages:MaxSide"] = MaxSide.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Photos_at_the_evidence_step_come_back_as_numbered_collages_each_photo_once_upright_whole_and_unstretched()
    {
        var buyer = Buyer.Of(Bot, 7001, Language.En);
        await buyer.ToEvidenceAsync(Order);
        var landscape = TestImages.Picture(1200, 900, 0);
        var portrait = TestImages.Picture(900, 1200, 1);
        var panorama = TestImages.Picture(2000, 500, 2);
        var tiny = TestImages.Tiny(40, 30, 3);
        var translucent = new TestImage(600, 600, TestImages.TranslucentOnWhite, TestImages.Colour(9), (0.5, 0.5));
        var rotated = TestImages.Picture(400, 600, 5, patchCentre: (0.5, 0.25));
        var webp = TestImages.Picture(800, 800, 6);

        var acks = new List<Reply>
        {
            await SendPhotoAsync(buyer, landscape),
            await SendPhotoAsync(buyer, portrait),
            await SendPhotoAsync(buyer, panorama),
            await SendDocumentAsync(buyer, TestImages.Png(tiny), "tiny.png", "image/png"),
            await SendDocumentAsync(buyer, TestImages.TranslucentPng(translucent), "cutout.png", "image/png"),
            await SendDocumentAsync(buyer, TestImages.RotatedJpeg(rotated), "IMG_0042.JPG", "image/jpeg"),
            await SendDocumentAsync(buyer, TestImages.Webp(webp), "detail.webp", "image/webp"),
            await SendDocumentAsync(buyer, TestImages.Corrupt(), "broken.jpg", "image/jpeg"),
        };

        for (var n = 1; n <= acks.Count; n++)
        {
            // One message, updated per photo, with the collage maker's buttons and then the evidence step's: it stays the last one.
            Assert.Contains(Texts.PluralPlain(Language.En, "collage.received", n, ("order", Order)), acks[n - 1].Last.Text, StringComparison.Ordinal);
            Assert.Equal([buyer.Label("button.make_collages"), buyer.Label("button.clear_photos")], acks[n - 1].ButtonTexts.Take(2));
            Assert.Contains(buyer.Label("button.to_compensation"), acks[n - 1].ButtonTexts);
            Assert.Equal(acks[0].Last.Id, acks[n - 1].Last.Id);
        }

        Assert.Contains("📷 1 photo received for order 8123456789012345. Send more, or make the collages.", acks[0].Last.Text, StringComparison.Ordinal);
        Assert.Contains("📷 8 photos received", acks[7].Last.Text, StringComparison.Ordinal);
        var stored = await Bot.QueryAsync<(long Position, string Kind)>(
            "SELECT position, kind FROM case_photos ORDER BY position");
        Assert.Equal([(1, "photo"), (2, "photo"), (3, "photo"), (4, "document"), (5, "document"), (6, "document"), (7, "document"), (8, "document")],
            stored.Select(r => ((int)r.Position, r.Kind)));

        var working = await buyer.Press("button.make_collages");
        Assert.Equal(buyer.Label("collage.working"), working.Last.Text);

        // The 40 × 30 picture is too small to read in a cell: the check says so first; the buyer keeps it anyway.
        var finding = await buyer.User.WaitForMessageAsync(m => m.ButtonTexts.Contains(buyer.Label("button.photo_keep")));
        Assert.Equal(buyer.Label("collage.check.TooSmall", ("n", 4), ("width", 40), ("height", 30)), finding.Text);
        Assert.Empty(buyer.User.Documents);
        var kept = await buyer.Press("button.photo_keep");
        Assert.Equal([buyer.Label("collage.check.kept", ("n", 4)), buyer.Label("collage.working")], kept.Messages.Select(m => m.Text));
        var done = await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Done:", StringComparison.Ordinal));
        Assert.Contains(buyer.Label("collage.on_phone"), done.Text, StringComparison.Ordinal);

        var documents = buyer.User.Documents;
        Assert.InRange(documents.Count, 1, new CollageOptions().MaxAttachments);
        Assert.StartsWith(Texts.PluralPlain(Language.En, "collage.done", documents.Count, ("order", Order)), done.Text, StringComparison.Ordinal);
        Assert.EndsWith(Texts.PluralPlain(Language.En, "collage.issue.Unreadable", 1, ("list", "8")), done.Text, StringComparison.Ordinal);

        TestImage[] sent = [landscape, portrait, panorama, tiny, translucent, rotated, webp];
        var captioned = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var numbers = Numbers(document.Text);
            captioned.AddRange(numbers);
            Assert.Equal($"order-{Order}-collage-{i + 1}.jpg", document.File!.FileName);
            Assert.InRange(document.File.Content.Length, 1, new CollageOptions().MaxBytes);
            using var collage = new CollageImage(document.File.Content);
            Assert.True(collage.Width <= MaxSide && collage.Height <= MaxSide, $"{collage.Width}×{collage.Height}");
            for (var number = 1; number <= sent.Length; number++)
            {
                Assert.True(numbers.Contains(number) == collage.Find(sent[number - 1].Background) is not null,
                    $"photo {number} on \"{document.Text}\": {collage.Find(sent[number - 1].Background)}");
                if (numbers.Contains(number))
                {
                    AssertWhole(collage, sent[number - 1]);
                }
            }

            if (numbers.Contains(6))
            {
                // Orientation 6 stored the portrait turned on its side: the collage shows it upright, patch near the top.
                var turned = collage.Find(rotated.Background)!.Value;
                var turnedPatch = collage.Find(rotated.Patch)!.Value;
                Assert.InRange((turnedPatch.Centre.Y - turned.Top) / turned.Height, 0.2, 0.3);
                Assert.InRange((turnedPatch.Centre.X - turned.Left) / turned.Width, 0.45, 0.55);
            }

            if (numbers.Contains(5))
            {
                // Transparency is laid on white paper: (170, 255, 170), not the (0, 85, 0) it would be on black.
                Assert.NotNull(collage.Find(TestImages.TranslucentOnWhite));
            }
        }

        Assert.Equal(Enumerable.Range(1, 7), captioned);

        // Only the largest size of each Telegram photo was fetched, each file once a run (the one that found photo 4
        // too small, and the one after the buyer kept it): the bot keeps no pictures between runs.
        var fetched = Bot.Server.CallsTo("getFile").Select(c => c.Body.GetProperty("file_id").GetString()!).ToList();
        Assert.Equal(2 * 8, fetched.Count);
        Assert.Equal(8, fetched.Distinct().Count());
        Assert.DoesNotContain(fetched, id => id.EndsWith("-s", StringComparison.Ordinal) || id.EndsWith("-m", StringComparison.Ordinal));
        Assert.Equal(2 * 8, Bot.Server.CallsTo("downloadFile").Count(c => c.Succeeded));
        Assert.Contains(Bot.Server.CallsTo("sendChatAction"), c => c.Body.GetProperty("action").GetString() == "upload_document");
    }

    [Fact]
    public async Task An_album_is_acknowledged_in_one_message_and_many_photos_share_collages_whose_captions_name_them()
    {
        var buyer = Buyer.Of(Bot, 7002, Language.En);
        await buyer.ToEvidenceAsync(Order);
        var images = Enumerable.Range(0, 12).Select(i => TestImages.Picture(i % 3 == 0 ? 600 : 800, 600, 10 + i)).ToList();

        var first = await SendPhotoAsync(buyer, images[0], album: "album-1");
        var album = new List<Reply>();
        foreach (var image in images.Skip(1).Take(9))
        {
            album.Add(await SendPhotoAsync(buyer, image, album: "album-1"));
        }

        var single = await SendPhotoAsync(buyer, images[10]);
        await SendPhotoAsync(buyer, images[11]);

        Assert.Equal(MessageOperationKind.Sent, Assert.Single(first.Operations).Kind);
        Assert.All(album, reply => Assert.Equal(MessageOperationKind.Edited, Assert.Single(reply.Operations).Kind));
        Assert.All(album, reply => Assert.Equal(first.Last.Id, reply.Last.Id));
        Assert.Contains("📷 10 photos received", album[^1].Last.Text, StringComparison.Ordinal);

        // At the evidence step a photo sent on its own after the album updates the same message too.
        Assert.Equal(MessageOperationKind.Edited, Assert.Single(single.Operations).Kind);
        Assert.Contains("📷 11 photos received", single.Last.Text, StringComparison.Ordinal);

        await buyer.Press("button.make_collages");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Done:", StringComparison.Ordinal));

        var documents = buyer.User.Documents;
        Assert.InRange(documents.Count, 2, 3);
        var captioned = new List<int>();
        foreach (var document in documents)
        {
            var numbers = Numbers(document.Text);
            captioned.AddRange(numbers);
            using var collage = new CollageImage(document.File!.Content);
            foreach (var (image, number) in images.Select((image, i) => (image, i + 1)))
            {
                // Each photo is on the collage whose caption names it, and on no other.
                Assert.Equal(numbers.Contains(number), collage.Find(image.Background) is not null);
                if (numbers.Contains(number))
                {
                    AssertWhole(collage, image);
                }
            }
        }

        Assert.Equal(Enumerable.Range(1, 12), captioned);
    }

    [Fact]
    public async Task A_photo_sent_elsewhere_offers_the_collage_maker_which_then_collects_photos_at_any_step()
    {
        var buyer = Buyer.Of(Bot, 7003, Language.Ru);
        var stranger = await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 0));
        Assert.Equal(buyer.Label("collage.no_case"), stranger.Last.Text);
        Assert.Equal(buyer.Label("collage.no_case"), (await buyer.Send("/collage")).Last.Text);

        await buyer.ToEvidenceAsync(Order);
        await buyer.Press("button.to_compensation");
        var offer = await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 1));
        Assert.Equal(buyer.Label("collage.offer", ("order", Order)), offer.Last.Text);
        Assert.Empty(await Bot.QueryAsync<long>("SELECT position FROM case_photos"));

        var maker = await buyer.Press("button.collage_open");
        Assert.Contains("Уже получено фото: 0.", maker.Last.Text, StringComparison.Ordinal);
        Assert.Contains("до 30 штук", maker.Last.Text, StringComparison.Ordinal);
        Assert.StartsWith("📷 1 фото получено", (await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 2))).Last.Text, StringComparison.Ordinal);
        Assert.StartsWith("📷 2 фото получены", (await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 3))).Last.Text, StringComparison.Ordinal);
        await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 4));
        await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 5));
        Assert.StartsWith("📷 5 фото получено", (await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 6))).Last.Text, StringComparison.Ordinal);

        // Going elsewhere closes the collage maker; /collage opens it again with the photos kept.
        await buyer.Send("/cases");
        Assert.Equal(buyer.Label("collage.offer", ("order", Order)), (await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 7))).Last.Text);
        var reopened = await buyer.Send("/collage");
        Assert.Contains("Уже получено фото: 5.", reopened.Last.Text, StringComparison.Ordinal);
        Assert.Equal([buyer.Label("button.make_collages"), buyer.Label("button.clear_photos")], reopened.ButtonTexts);

        var cleared = await buyer.Press("button.clear_photos");
        Assert.Equal(buyer.Label("collage.cleared", ("order", Order)), cleared.Last.Text);
        Assert.Empty(await Bot.QueryAsync<long>("SELECT position FROM case_photos"));
        var sticker = await buyer.User.SendStickerAsync();
        Assert.Equal(buyer.Label("collage.not_a_photo"), sticker.Last.Text);
    }

    [Fact]
    public async Task Files_that_cannot_be_used_are_refused_with_the_reason_and_limits_hold()
    {
        await Bot.RestartAsync(s =>
        {
            s["Collages:MaxPhotos"] = "3";
            s["Collages:MaxSide"] = MaxSide.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        var buyer = Buyer.Of(Bot, 7004, Language.It);
        await buyer.ToEvidenceAsync(Order);

        var heic = await SendDocumentAsync(buyer, [0, 0, 0, 24, .. "ftypheic"u8], "IMG_0001.HEIC", "image/heic");
        Assert.Contains(buyer.Label("collage.unsupported_format", ("format", "HEIC")), heic.Last.Text, StringComparison.Ordinal);
        var pdf = await buyer.User.SendDocumentAsync(Bot.Server.AddFile("%PDF-1.4"u8.ToArray(), "application/pdf").FileId, "receipt.pdf", "application/pdf");
        Assert.Contains(buyer.Label("collage.not_a_photo"), pdf.Last.Text, StringComparison.Ordinal);
        var large = Bot.Server.AddFile(TestImages.Jpeg(TestImages.Picture(300, 200, 0)), "image/jpeg");
        var tooBig = await buyer.User.SendDocumentAsync(large.FileId, "huge.jpg", "image/jpeg", fileSize: 25L * 1024 * 1024);
        Assert.Contains(buyer.Label("collage.too_big", ("size", 25m), ("limit", 20)), tooBig.Last.Text, StringComparison.Ordinal);

        var photo = TestImages.Picture(400, 300, 1);
        var file = Bot.Server.AddFile(TestImages.Jpeg(photo), "image/jpeg");
        await buyer.User.SendPhotoAsync(file.FileId, 400, 300);
        var again = await buyer.User.SendPhotoAsync(file.FileId, 400, 300);
        Assert.Contains(buyer.Label("collage.duplicate", ("n", 1)), again.Last.Text, StringComparison.Ordinal);

        // Telegram says this one is over 20 MB only when asked for it (getFile): it is left out of the collages.
        var secretlyHuge = Bot.Server.AddFile(TestImages.Jpeg(TestImages.Picture(300, 300, 2)), "image/jpeg", reportedSize: 21L * 1024 * 1024);
        await buyer.User.SendDocumentAsync(secretlyHuge.FileId, "scan.jpg", "image/jpeg", fileSize: 1000);
        await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 3));
        var limit = await SendPhotoAsync(buyer, TestImages.Picture(400, 300, 4));
        Assert.Contains(buyer.Label("collage.limit", ("max", 3)), limit.Last.Text, StringComparison.Ordinal);
        Assert.Equal(3, (await Bot.QueryAsync<long>("SELECT position FROM case_photos")).Count);

        // A failed download is tried again.
        Bot.Server.FailNext("downloadFile", FakeFault.ServerError());
        await buyer.Press("button.make_collages");
        var done = await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Fatto:", StringComparison.Ordinal));
        Assert.Contains(Texts.PluralPlain(Language.It, "collage.issue.TooBig", 1, ("list", "2"), ("limit", 20)), done.Text, StringComparison.Ordinal);
        Assert.Equal("Foto 1, 3", Assert.Single(buyer.User.Documents).Text);

        // Telegram keeps failing: the user is told to try again later, with the buttons to do it.
        Bot.Server.FailNext("getFile", FakeFault.ServerError(), times: 10);
        await buyer.Press("button.make_collages");
        var failed = await buyer.User.WaitForMessageAsync(m => m.Text == buyer.Label("collage.failed"), TimeSpan.FromSeconds(30));
        Assert.Equal([buyer.Label("button.make_collages"), buyer.Label("button.clear_photos")], failed.ButtonTexts);
    }

    [Fact]
    public async Task Photos_that_would_be_too_small_are_named_and_the_button_leaves_them_out()
    {
        await Bot.RestartAsync(s =>
        {
            s["Collages:MaxAttachments"] = "1";
            s["Collages:MaxSide"] = "1000";
            s["Collages:MinCellSide"] = "300";
        });
        var buyer = Buyer.Of(Bot, 7005, Language.En);
        await buyer.ToEvidenceAsync(Order);
        var first = TestImages.Picture(800, 600, 0);
        var panorama = TestImages.Picture(2400, 300, 1);
        var third = TestImages.Picture(800, 600, 2);
        await SendPhotoAsync(buyer, first);
        await SendPhotoAsync(buyer, panorama);
        await SendPhotoAsync(buyer, third);

        await buyer.Press("button.make_collages");
        var tooMany = await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("Too many photos", StringComparison.Ordinal));
        Assert.Equal(Texts.PluralPlain(Language.En, "collage.too_many", 1, ("min", 300), ("list", "2")), tooMany.Text);
        Assert.Empty(buyer.User.Documents);

        var leftOut = await buyer.Press("button.leave_out", ("list", "2"));
        Assert.Equal(Texts.PluralPlain(Language.En, "collage.left_out", 2, ("list", "2")), leftOut.Last.Text);
        var remaining = await Bot.QueryAsync<(long Position, string FileUniqueId)>("SELECT position, file_unique_id FROM case_photos ORDER BY position");
        Assert.Equal([1, 2], remaining.Select(r => (int)r.Position));

        await buyer.Press("button.make_collages");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Done:", StringComparison.Ordinal));
        var document = Assert.Single(buyer.User.Documents);
        Assert.Equal("Photos 1, 2", document.Text);
        using var collage = new CollageImage(document.File!.Content);
        AssertWhole(collage, first);
        AssertWhole(collage, third);
        Assert.Null(collage.Find(panorama.Background));

        // Photos go with their case.
        await Bot.ExecuteAsync("PRAGMA foreign_keys = ON; DELETE FROM cases;");
        Assert.Empty(await Bot.QueryAsync<long>("SELECT position FROM case_photos"));
    }

    [Fact]
    public async Task A_twelve_megapixel_photo_fits_the_default_limits()
    {
        await Bot.RestartAsync();
        var buyer = Buyer.Of(Bot, 7006, Language.En);
        await buyer.ToEvidenceAsync(Order);
        var big = TestImages.Picture(4000, 3000, 0);
        var small = TestImages.Picture(1200, 900, 1);
        await SendDocumentAsync(buyer, TestImages.Jpeg(big, noisyBand: 0.3), "IMG_1234.jpg", "image/jpeg");
        await SendPhotoAsync(buyer, small);

        await buyer.Press("button.make_collages");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Done:", StringComparison.Ordinal));

        var document = Assert.Single(buyer.User.Documents);
        var defaults = new CollageOptions();
        Assert.InRange(document.File!.Content.Length, 1, defaults.MaxBytes);
        using var collage = new CollageImage(document.File.Content);
        Assert.True(Math.Max(collage.Width, collage.Height) <= defaults.MaxSide, $"{collage.Width}×{collage.Height}");
        var patch = collage.Find(big.Patch)!.Value;
        Assert.Equal(1.0, patch.Aspect, 1);
        AssertWhole(collage, small);
    }

    private Task<Reply> SendPhotoAsync(Buyer buyer, TestImage image, string? album = null)
    {
        var file = Bot.Server.AddFile(TestImages.Jpeg(image), "image/jpeg");
        return buyer.User.SendPhotoAsync(file.FileId, image.Width, image.Height, album);
    }

    private Task<Reply> SendDocumentAsync(Buyer buyer, byte[] content, string fileName, string mimeType)
    {
        var file = Bot.Server.AddFile(content, mimeType);
        return buyer.User.SendDocumentAsync(file.FileId, fileName, mimeType);
    }

    /// <summary>The photo is on the collage once, with its shape, its square patch still square, and its number in the corner.</summary>
    private static void AssertWhole(CollageImage collage, TestImage image)
    {
        var cell = collage.Find(image.Background) ?? throw new Xunit.Sdk.XunitException($"photo {image.Background} is not on the collage");
        var patch = collage.Find(image.Patch, minPixels: 20) ?? throw new Xunit.Sdk.XunitException($"patch {image.Patch} is not on the collage");
        Assert.True(cell.Fill > 0.5, $"photo {image.Background} is in more than one place (fills {cell.Fill:P0} of {cell})");
        var slack = image.Aspect * ((4.0 / cell.Width) + (4.0 / cell.Height));
        Assert.True(Math.Abs(cell.Aspect - image.Aspect) <= slack, $"photo {image.Background}: {cell.Width}×{cell.Height} on the collage, {image.Width}×{image.Height} sent");
        Assert.True(Math.Abs(patch.Aspect - 1) <= 0.15, $"patch of {image.Background} is {patch.Width}×{patch.Height}: stretched");
        var label = NumberLabel.HeightFor(cell.Width, cell.Height);
        Assert.True(collage.LabelPixels(cell.Left, cell.Top, 2 * label, 2 * label) > label * label / 3, $"no number on photo {image.Background}");
    }

    /// <summary>"Photos 1–3, 5" → 1, 2, 3, 5.</summary>
    private static List<int> Numbers(string caption) =>
    [
        .. caption[(caption.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split(", ").SelectMany(part => part.Split('–') switch
        {
            [var single] => [int.Parse(single, System.Globalization.CultureInfo.InvariantCulture)],
            [var from, var to] => Enumerable.Range(int.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(to, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(from, System.Globalization.CultureInfo.InvariantCulture) + 1),
            _ => throw new FormatException(caption),
        }),
    ];
}
