using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Evidence;

/// <summary>
/// The photo check through the real host: a buyer sends a blurred, a dark and a repeated photo among good ones, is
/// told which and why before any collage, answers each, and the collage holds only the photos they chose to keep.
/// </summary>
public sealed class PhotoCheckFlowTests : BotTests
{
    private const string Order = "8123456789012345";

    [Theory]
    [InlineData("en", 7101)]
    [InlineData("ru", 7102)]
    [InlineData("it", 7103)]
    public async Task Blurred_dark_and_repeated_photos_are_named_before_the_collage_and_it_follows_the_buyers_choices(string code, long userId)
    {
        Assert.True(Languages.TryParse(code, out var language));
        var buyer = Buyer.Of(Bot, userId, language);
        await buyer.ToEvidenceAsync(Order);
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(31, 1280, 960)), "good.jpg");                               // 1
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Blurred(32, 1280, 960, 0.01)), "blurred.jpg");                   // 2
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Exposed(33, 1280, 960, 0.2)), "dark.jpg");                       // 3
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(31, 1280, 960, shift: 0.01, grainSeed: 8), 85), "again.jpg"); // 4
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(34, 960, 1280)), "other.jpg");                              // 5

        await buyer.Press("button.make_collages");
        var header = await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("🔎", StringComparison.Ordinal));
        Assert.Equal(Texts.PluralPlain(language, "collage.check.header", 3, ("order", Order)), header.Text);
        var findings = await WaitForFindingsAsync(buyer, 3);
        Assert.Equal(
        [
            buyer.Label("collage.check.Blurred", ("n", 2)),
            buyer.Label("collage.check.Dark", ("n", 3)),
            buyer.Label("collage.check.Repeat", ("n", 4), ("like", 1)),
        ], findings.Select(f => f.Text));
        Assert.All(findings, f => Assert.Equal(
            [buyer.Label("button.photo_keep"), buyer.Label("button.photo_drop"), buyer.Label("button.photo_retake")], f.ButtonTexts));
        Assert.Empty(buyer.User.Documents);
        Assert.Equal(3, (await Bot.QueryAsync<long>("SELECT findings FROM photo_checks WHERE choice IS NULL")).Count);

        // Keep the dark one anyway, leave the repeat out, and promise a better one instead of the blurred photo.
        var kept = await PressOn(buyer, findings[1], "button.photo_keep");
        Assert.Equal(buyer.Label("collage.check.kept", ("n", 3)), Assert.Single(kept.Messages).Text);
        var dropped = await PressOn(buyer, findings[2], "button.photo_drop");
        Assert.Equal(buyer.Label("collage.check.dropped", ("n", 4)), Assert.Single(dropped.Messages).Text);
        var retake = await PressOn(buyer, findings[0], "button.photo_retake");
        Assert.Equal(buyer.Label("collage.check.retake", ("n", 2)), retake.Last.Text);
        Assert.Equal([buyer.Label("button.make_collages"), buyer.Label("button.clear_photos")], retake.ButtonTexts);

        // An answered finding's buttons are stale: nothing changes.
        var again = await PressOn(buyer, findings[1], "button.photo_drop");
        Assert.Equal(buyer.Label("input.stale_button"), again.CallbackAnswerText);
        Assert.Equal([(1L, "good"), (2L, "dark"), (3L, "other")], await PhotosAsync());

        // The better photo joins at the end; the collage is made of exactly the photos kept, with no question left.
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(35, 1280, 960)), "retaken.jpg");
        await buyer.Press("button.make_collages");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith('✅'));
        var collage = Assert.Single(buyer.User.Documents);
        Assert.Equal(Texts.PluralPlain(language, "collage.caption", 4, ("list", "1–4")), collage.Text);
        Assert.Single(buyer.User.Messages, m => m.Text.StartsWith("🔎", StringComparison.Ordinal));
        Assert.Equal([("keep", 2L)], await Bot.QueryAsync<(string, long)>("SELECT choice, findings FROM photo_checks"));
    }

    [Fact]
    public async Task Keeping_the_last_flagged_photo_makes_the_collages_at_once()
    {
        var buyer = Buyer.Of(Bot, 7104, Language.En);
        await buyer.ToEvidenceAsync(Order);
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(41, 1280, 960)), "good.jpg");
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Shaken(42, 1280, 960, 0.02)), "shaken.jpg");

        await buyer.Press("button.make_collages");
        var finding = Assert.Single(await WaitForFindingsAsync(buyer, 1));
        Assert.Equal(buyer.Label("collage.check.Blurred", ("n", 2)), finding.Text);

        await PressOn(buyer, finding, "button.photo_keep");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Done:", StringComparison.Ordinal));
        Assert.Equal("Photos 1, 2", Assert.Single(buyer.User.Documents).Text);

        // Kept once, not asked again: the next collages go straight through.
        await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(43, 1280, 960)), "third.jpg");
        await buyer.Press("button.make_collages");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Done:", StringComparison.Ordinal) && buyer.User.Documents.Count == 2);
        Assert.Equal("Photos 1–3", buyer.User.Documents[^1].Text);
        Assert.Single(buyer.User.Messages, m => m.Text.StartsWith("🔎", StringComparison.Ordinal));
        Assert.DoesNotContain(buyer.User.Messages, m => m.ButtonTexts.Contains(buyer.Label("button.photo_keep")));

        // /export says what the check found and what the buyer chose.
        var export = (await buyer.Send("/export")).Messages.Single(m => m.File is not null).File!;
        using var json = System.Text.Json.JsonDocument.Parse(export.Content);
        var photos = json.RootElement.GetProperty("Cases").EnumerateArray().Single().GetProperty("Photos").EnumerateArray().ToList();
        Assert.Equal(["", "Blurred", ""], photos.Select(p => p.GetProperty("CheckFound").GetString() ?? ""));
        Assert.Equal([false, true, false], photos.Select(p => p.GetProperty("KeptAnyway").GetBoolean()));
    }

    private async Task SendAsync(Buyer buyer, byte[] jpeg, string name)
    {
        var file = Bot.Server.AddFile(jpeg, "image/jpeg");
        _names[file.FileId] = Path.GetFileNameWithoutExtension(name);
        await buyer.User.SendDocumentAsync(file.FileId, name, "image/jpeg");
    }

    /// <summary>Waits until the bot has sent <paramref name="count"/> findings (messages with "keep it anyway"), oldest first.</summary>
    private static async Task<IReadOnlyList<BotMessage>> WaitForFindingsAsync(Buyer buyer, int count)
    {
        var keep = buyer.Label("button.photo_keep");
        await buyer.User.WaitForMessageAsync(_ => buyer.User.Messages.Count(m => m.ButtonTexts.Contains(keep)) >= count);
        return [.. buyer.User.Messages.Where(m => m.ButtonTexts.Contains(keep))];
    }

    private static Task<Reply> PressOn(Buyer buyer, BotMessage message, string key) =>
        buyer.User.PressDataAsync(message.Id, message.FindButton(buyer.Label(key))!.CallbackData!);

    /// <summary>The case's photos by number, named by the file they were sent as (the fake server's file ids are per upload).</summary>
    private async Task<IReadOnlyList<(long, string)>> PhotosAsync()
    {
        var rows = await Bot.QueryAsync<(long Position, string FileId)>("SELECT position, file_id FROM case_photos ORDER BY position");
        return [.. rows.Select(r => (r.Position, _names.GetValueOrDefault(r.FileId, r.FileId)))];
    }

    private readonly Dictionary<string, string> _names = [];
}

/// <summary>Evidence guidance by problem: what the checklist still lacks when photos arrive, and what makes a video convincing.</summary>
public sealed class EvidenceGuidanceTests : BotTests
{
    private const string Order = "8123456789012345";

    [Fact]
    public async Task The_answer_to_photos_names_the_pictures_the_checklist_still_lacks()
    {
        var buyer = Buyer.Of(Bot, 7201, Language.It);
        await buyer.ToEvidenceAsync(Order, problem: "problem.NotAsDescribed");

        var first = await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(51, 800, 600)));
        var second = await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(52, 800, 600)));

        var guide = buyer.Label("collage.guide", ("list", "screenshot pagina prodotto"));
        Assert.Contains(Texts.PluralPlain(Language.It, "collage.received", 1, ("order", Order)) + "\n\n" + guide, first.Last.Text, StringComparison.Ordinal);
        // At the evidence step the answer is one message, edited as photos arrive: the line stays in it.
        Assert.Contains(Texts.PluralPlain(Language.It, "collage.received", 2, ("order", Order)) + "\n\n" + guide, second.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_item_case_with_every_picture_it_needs_gets_no_guide_line()
    {
        var buyer = Buyer.Of(Bot, 7202, Language.En);
        await buyer.ToEvidenceAsync(Order);

        var first = await SendAsync(buyer, Scenes.JpegOf(Scenes.Draw(53, 800, 600)));

        Assert.DoesNotContain("🧾", first.Last.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("problem.Defective", "video.specific.Defective")]
    [InlineData("problem.Damaged", "video.specific.Damaged")]
    [InlineData("problem.MissingParts", "video.specific.MissingParts")]
    public async Task A_video_gets_advice_for_the_cases_problem_and_the_size_limit(string problem, string specific)
    {
        var buyer = Buyer.Of(Bot, 7203, Language.Ru);
        await buyer.ToEvidenceAsync(Order, problem: problem);

        var advice = await buyer.User.SendVideoAsync();

        Assert.Equal(buyer.Label("video.advice", ("specific", buyer.Label(specific)), ("limit", 2)), advice.Last.Text);
        Assert.Contains("2 ГБ", advice.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_for_a_parcel_that_never_came_is_told_the_tracking_matters_more_and_without_a_case_gets_the_general_advice()
    {
        var stranger = Buyer.Of(Bot, 7204, Language.En);
        var general = await stranger.User.SendVideoAsync();
        Assert.Equal(stranger.Label("video.advice", ("specific", stranger.Label("video.specific.Any")), ("limit", 2)), general.Last.Text);

        var buyer = Buyer.Of(Bot, 7205, Language.En);
        await buyer.ToEvidenceAsync(Order, problem: "problem.NotReceived");
        var advice = await buyer.User.SendVideoAsync();
        Assert.Equal(buyer.Label("video.advice.NotReceived"), advice.Last.Text);
    }

    private Task<Reply> SendAsync(Buyer buyer, byte[] jpeg)
    {
        var file = Bot.Server.AddFile(jpeg, "image/jpeg");
        return buyer.User.SendDocumentAsync(file.FileId, "photo.jpg", "image/jpeg");
    }
}
