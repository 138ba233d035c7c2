using System.Text.Json;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Evidence;

/// <summary>
/// "What's in the photos?" through the real host: the buyer ticks what two photos show, in the one message that
/// answers photos at the evidence step, and the collages' captions name exactly those ticks, on the sheet holding those
/// photos; the other sheets keep the plain caption, old tick buttons are refused, and /export shows the ticks.
/// </summary>
public sealed class PhotoShowsFlowTests : BotTests
{
    private const string Order = "8123456789012345";
    private const int MaxSide = 1600;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Collages:MaxSide"] = MaxSide.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("en", 7301)]
    [InlineData("ru", 7302)]
    [InlineData("it", 7303)]
    public async Task Ticks_on_two_photos_caption_their_collage_and_nothing_else(string code, long userId)
    {
        Assert.True(Languages.TryParse(code, out var language));
        var buyer = Buyer.Of(Bot, userId, language);
        await buyer.ToEvidenceAsync(Order);
        Reply? answer = null;
        foreach (var i in Enumerable.Range(0, 12))
        {
            answer = await SendPhotoAsync(buyer, TestImages.Picture(i % 3 == 0 ? 600 : 800, 600, 10 + i));
        }

        // The one answer to the photos offers the question, and keeps the evidence step's buttons.
        Assert.Contains(buyer.Label("button.photo_shows"), answer!.ButtonTexts);
        Assert.Contains(buyer.Label("button.to_compensation"), answer.ButtonTexts);

        var first = await buyer.Press("button.photo_shows");
        var picker = Assert.Single(first.Messages);
        Assert.Equal(answer.Last.Id, picker.Id);
        Assert.Equal(buyer.Label("collage.shows.ask", ("n", 1), ("count", 12), ("order", Order)), picker.Text);
        // A damaged item: the damage, the whole item, the shipping label, the packaging; nothing about sizes.
        Assert.Equal(
        [
            Unticked(buyer, "Damage"), Unticked(buyer, "WholeItem"), Unticked(buyer, "ParcelLabel"), Unticked(buyer, "Packaging"),
            buyer.Label("button.photo_next", ("n", 2)), buyer.Label("button.done"),
        ], picker.ButtonTexts);

        await buyer.User.PressAsync(Unticked(buyer, "Damage"));
        var ticked = await buyer.User.PressAsync(Unticked(buyer, "WholeItem"));
        Assert.Equal(answer.Last.Id, ticked.Last.Id);
        Assert.Contains(Ticked(buyer, "Damage"), ticked.ButtonTexts);
        Assert.EndsWith(buyer.Label("collage.shows.ticked", ("n", 1), ("list", Described(buyer, "WholeItem", "Damage"))), ticked.Last.Text, StringComparison.Ordinal);

        await buyer.User.PressAsync(buyer.Label("button.photo_next", ("n", 2)));
        await buyer.User.PressAsync(Unticked(buyer, "ParcelLabel"));
        await buyer.User.PressAsync(Unticked(buyer, "Packaging"));
        await buyer.User.PressAsync(Ticked(buyer, "Packaging"));
        var back = await buyer.Press("button.done");
        Assert.Equal(answer.Last.Id, back.Last.Id);
        Assert.Contains(buyer.Label("button.to_compensation"), back.ButtonTexts);
        Assert.Contains(buyer.Label("button.make_collages"), back.ButtonTexts);
        Assert.Equal([(1L, 3L), (2L, 32L)], await Bot.QueryAsync<(long, long)>("SELECT position, shows FROM case_photos WHERE shows <> 0 ORDER BY position"));

        await buyer.Press("button.make_collages");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith('✅') && m.Text.Contains(Order, StringComparison.Ordinal));
        var documents = buyer.User.Documents;
        Assert.InRange(documents.Count, 2, 3);
        var withTicks = documents[0];
        var list = withTicks.Text.Split(':')[0][(withTicks.Text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        Assert.StartsWith("1–", list, StringComparison.Ordinal);
        Assert.Equal(buyer.Label("collage.caption_shows",
            ("caption", Texts.PluralPlain(language, "collage.caption", Count(list), ("list", list))), ("list", Described(buyer, "WholeItem", "Damage", "ParcelLabel"))), withTicks.Text);
        Assert.All(documents.Skip(1), d => Assert.DoesNotContain(':', d.Text));
        Assert.All(documents.Skip(1), d => Assert.StartsWith(Texts.PluralPlain(language, "collage.caption", 2, ("list", "")).Trim(), d.Text, StringComparison.Ordinal));

        // /export holds the ticks of every photo.
        var export = (await buyer.Send("/export")).Messages.Single(m => m.File is not null).File!;
        using var json = JsonDocument.Parse(export.Content);
        var photos = json.RootElement.GetProperty("Cases").EnumerateArray().Single().GetProperty("Photos").EnumerateArray().ToList();
        Assert.Equal(
            ["WholeItem,Damage", "ParcelLabel", .. Enumerable.Repeat("", 10)],
            photos.Select(p => string.Join(",", p.GetProperty("Shows").EnumerateArray().Select(s => s.GetString()))));
    }

    [Fact]
    public async Task A_tick_button_for_a_photo_that_is_gone_or_renumbered_is_refused()
    {
        var buyer = Buyer.Of(Bot, 7304, Language.En);
        await buyer.ToEvidenceAsync(Order);
        await SendPhotoAsync(buyer, TestImages.Picture(800, 600, 21));
        await SendPhotoAsync(buyer, TestImages.Picture(800, 600, 22));
        await buyer.Press("button.photo_shows");
        var second = await buyer.User.PressAsync(buyer.Label("button.photo_next", ("n", 2)));
        Assert.Equal(buyer.Label("collage.shows.ask", ("n", 2), ("count", 2), ("order", Order)), second.Last.Text);
        var damage = second.Last.FindButton(Unticked(buyer, "Damage"))!;
        var wholeItem = second.Last.FindButton(Unticked(buyer, "WholeItem"))!;
        var message = second.Last.Id;

        // The ticks survive a double tap, then the photos are cleared and two others sent: photo 2 is another file now.
        await buyer.User.PressDataAsync(message, damage.CallbackData!);
        Assert.Null((await buyer.User.PressDataAsync(message, damage.CallbackData!)).CallbackAnswerText);
        Assert.Equal([2L], await Bot.QueryAsync<long>("SELECT shows FROM case_photos WHERE position = 2"));
        await buyer.Press("button.done");
        await buyer.Press("button.clear_photos");
        await SendPhotoAsync(buyer, TestImages.Picture(800, 600, 23));
        await SendPhotoAsync(buyer, TestImages.Picture(800, 600, 24));

        var stale = await buyer.User.PressDataAsync(message, wholeItem.CallbackData!);
        Assert.Equal(buyer.Label("input.stale_button"), stale.CallbackAnswerText);
        Assert.Equal([0L, 0L], await Bot.QueryAsync<long>("SELECT shows FROM case_photos ORDER BY position"));
    }

    /// <summary>How many photos "1–5" or "1, 2" names.</summary>
    private static int Count(string list) => list.Split(", ").Sum(part => part.Split('–') is [var from, var to] ? int.Parse(to, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(from, System.Globalization.CultureInfo.InvariantCulture) + 1 : 1);

    private static string Unticked(Buyer buyer, string shows) =>
        buyer.Label("button.evidence.missing", ("item", buyer.Label($"photo.shows.{shows}")));

    private static string Ticked(Buyer buyer, string shows) =>
        buyer.Label("button.evidence.ready", ("item", buyer.Label($"photo.shows.{shows}")));

    /// <summary>"whole item, damage": the labels as a caption lists them, lower case.</summary>
    private static string Described(Buyer buyer, params string[] shows) =>
        string.Join(", ", shows.Select(s => buyer.Label($"photo.shows.{s}")).Select(l => char.ToLowerInvariant(l[0]) + l[1..]));

    private Task<Reply> SendPhotoAsync(Buyer buyer, TestImage image)
    {
        var file = Bot.Server.AddFile(TestImages.Jpeg(image), "image/jpeg");
        return buyer.User.SendPhotoAsync(file.FileId, image.Width, image.Height, null);
    }
}
