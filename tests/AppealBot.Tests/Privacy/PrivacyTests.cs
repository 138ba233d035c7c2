using AppealBot.Localization;
using AppealBot.Storage;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Privacy;

public sealed class PrivacyTests : BotTests
{
    private const long Operator = 9901;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Bot:OperatorIds:0"] = Operator.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Privacy_says_what_is_stored_for_how_long_and_how_to_delete_it()
    {
        var reply = await Buyer.Of(Bot, 9101, Language.Ru).Send("/privacy");

        Assert.Contains("365 дней", reply.Last.Text, StringComparison.Ordinal);
        Assert.Contains("/export", reply.Last.Text, StringComparison.Ordinal);
        Assert.Contains("/deletemydata", reply.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_sends_everything_stored_about_the_user_as_a_JSON_document()
    {
        var buyer = Buyer.Of(Bot, 9108, Language.Ru);
        await buyer.FileComplaintAsync();

        var reply = await buyer.Send("/export");

        var file = reply.Messages.Single(m => m.File is not null).File!;
        Assert.Equal("appealbot-data.json", file.FileName);
        using var json = System.Text.Json.JsonDocument.Parse(file.Content);
        Assert.Equal(9108, json.RootElement.GetProperty("TelegramUserId").GetInt64());
        Assert.Equal("Europe/Moscow", json.RootElement.GetProperty("TimeZone").GetString());
        var exported = json.RootElement.GetProperty("Cases").EnumerateArray().Single();
        Assert.Equal("8123456789012345", exported.GetProperty("OrderNumber").GetString());
        Assert.Equal("CheckBack", exported.GetProperty("Step").GetString());
        Assert.Equal("CheckBack", exported.GetProperty("PendingReminders").EnumerateArray().Single().GetProperty("Kind").GetString());
        Assert.DoesNotContain("9109", System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_my_data_after_confirmation_leaves_nothing_of_the_user()
    {
        var buyer = Buyer.Of(Bot, 9102, Language.It);
        await buyer.FileComplaintAsync();
        var other = Buyer.Of(Bot, 9103, Language.En);
        await other.FileComplaintAsync();

        var confirm = await buyer.Send("/deletemydata");
        Assert.Contains("1 pratica", confirm.Last.Text, StringComparison.Ordinal);
        var kept = await buyer.Press("button.forget_no");
        Assert.Equal(buyer.Label("forget.kept"), kept.Last.Text);
        Assert.Equal([1L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM cases WHERE user_id = 9102"));

        await buyer.Send("/deletemydata");
        var done = await buyer.Press("button.forget_yes");

        Assert.Equal(buyer.Label("forget.done"), done.Last.Text);
        foreach (var table in new[] { "users WHERE id", "cases WHERE user_id", "reminders WHERE user_id" })
        {
            Assert.Equal([0L], await Bot.QueryAsync<long>($"SELECT COUNT(*) FROM {table} = 9102"));
        }

        Assert.Equal([1L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM cases WHERE user_id = 9103"));
        var again = await buyer.Send("/start");
        Assert.StartsWith("Ciao! Sono AppealBot.", again.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operators_get_statistics_and_everyone_else_an_unknown_command()
    {
        await Buyer.Of(Bot, 9104, Language.En).FileComplaintAsync();

        var stranger = await Buyer.Of(Bot, 9105, Language.En).Send("/stats");
        var stats = await Buyer.Of(Bot, Operator, Language.En).Send("/stats");

        Assert.Equal(Texts.Plain(Language.En, "input.unknown_command"), stranger.Last.Text);
        // The operator's own first message is still being stored while the numbers are read.
        Assert.Contains("Users: 2; active in 7 days: 2; blocked the bot: 0", stats.Last.Text, StringComparison.Ordinal);
        Assert.Contains("Cases: open 1, won 0, given up 0", stats.Last.Text, StringComparison.Ordinal);
        Assert.Contains("• CheckBack: 1", stats.Last.Text, StringComparison.Ordinal);
        Assert.Contains("Reminders: pending 1", stats.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_cases_and_inactive_users_are_purged_after_the_retention_period()
    {
        var active = Buyer.Of(Bot, 9106, Language.En);
        await active.Send("/new");
        await active.Send("8123456789012345");
        await active.Press("button.yesterday");
        await active.Send("/status");
        await active.Press("button.close_gave_up");
        await active.Press("button.close_confirm");
        var idle = Buyer.Of(Bot, 9107, Language.En);
        await idle.Send("/start");

        Bot.Clock.Advance(TimeSpan.FromDays(200));
        await active.Send("/help");
        Bot.Clock.Advance(TimeSpan.FromDays(200));

        // Housekeeping may already have run on the moved clock; purging again changes nothing.
        await new HandledUpdates(new Database(Bot.ConnectionString), Bot.Clock)
            .PurgeExpiredAsync(Bot.Clock.GetUtcNow() - TimeSpan.FromDays(365), CancellationToken.None);

        Assert.Equal([9106L], await Bot.QueryAsync<long>("SELECT id FROM users"));
        Assert.Empty(await Bot.QueryAsync<long>("SELECT id FROM cases"));
    }
}
