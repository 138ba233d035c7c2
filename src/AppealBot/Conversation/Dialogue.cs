using System.Globalization;
using AppealBot.Conversation.Input;
using AppealBot.Evidence;
using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Reminders;
using Microsoft.Extensions.Options;

namespace AppealBot.Conversation;

/// <summary>Routes a user's input to the command, menu or case step that answers it. Pure: no Telegram, no SQL.</summary>
internal sealed class Dialogue(
    IOptions<ReminderOptions> reminders,
    IOptions<CollageOptions> collages,
    IOptions<DeadlineOptions> deadlines,
    IOptions<BotOptions> bot,
    IBotStatistics statistics,
    IRuntimeFacts runtime)
{
    /// <summary>The commands shown in Telegram's menu, in this order; each has a <c>command.NAME</c> description text.</summary>
    public static IReadOnlyList<string> MenuCommands { get; } =
        ["new", "cases", "status", "collage", "cancel", "settings", "timezone", "language", "privacy", "export", "deletemydata", "help", "start"];

    public async Task<Turn> HandleAsync(UserProfile user, ICaseBook cases, DateTimeOffset now, UserInput input)
    {
        var ctx = new ConversationContext { User = user, Cases = cases, Now = now, Reminders = reminders.Value, Collages = collages.Value, Deadlines = deadlines.Value };
        var turn = new Turn();
        switch (input)
        {
            case CommandInput command:
                await CommandAsync(ctx, turn, command);
                break;
            case ButtonInput button:
                await PressAsync(ctx, turn, button);
                break;
            case TextInput text:
                await TypeAsync(ctx, turn, text.Text);
                break;
            case EditedInput:
                turn.Send(ctx.Texts["input.edited"]);
                break;
            case BotBlockedInput blocked:
                // Telegram's own notice, not a message from the user: nothing to answer (and no way to).
                user.BlocksBot = blocked.Blocked;
                break;
            case PhotoInput photo:
                await CollageDialogue.ReceiveAsync(ctx, turn, photo);
                break;
            case UnsupportedInput unsupported:
                await CollageDialogue.NotAPhotoAsync(ctx, turn, unsupported.Kind);
                break;
            default:
                await CollageDialogue.NotAPhotoAsync(ctx, turn);
                break;
        }

        return turn;
    }

    private async Task CommandAsync(ConversationContext ctx, Turn turn, CommandInput command)
    {
        var t = ctx.Texts;

        // A command answers no pending question: it cancels it (and may ask its own).
        var pending = ctx.User.Pending;
        ctx.User.Pending = PendingQuestion.None;
        if (command.Name == "cancel" && pending != PendingQuestion.None)
        {
            turn.Send(t["pending.cancelled"]);
            return;
        }

        if (command.Name is "start" or "new" or "cases" or "cancel")
        {
            // Going somewhere else closes the collage maker; photos then go only to a case at its evidence step.
            ctx.User.CollageCaseId = null;
        }

        switch (command.Name)
        {
            case "stats" when bot.Value.OperatorIds.Contains(ctx.User.Id):
                turn.Send(await StatisticsAsync(ctx));
                break;
            case "export":
                turn.Attach(new Attachment("appealbot-data.json", await DataExport.BuildAsync(ctx), t.Get("export.caption", ("date", ctx.Today))));
                break;
            case "privacy":
                turn.Send(t.Get("privacy.text", ("days", new Html(t.Plural("privacy.days", bot.Value.RetentionDays)))));
                break;
            case "deletemydata":
                var caseCount = (await ctx.Cases.ListAsync()).Count;
                ctx.User.Pending = PendingQuestion.ForgetData;
                turn.Send(t.Get("forget.confirm", ("cases", new Html(t.Plural("forget.cases", caseCount)))), Buttons.Column(
                    new Button(t["button.forget_yes"], ButtonData.ForgetConfirmed),
                    new Button(t["button.forget_no"], ButtonData.ForgetCancelled)));
                break;
            case "start":
                turn.Send(t["start.greeting"], await MenuButtonsAsync(ctx));
                break;
            case "help":
                turn.Send(t["help.text"]);
                break;
            case "language":
                ctx.User.Pending = PendingQuestion.Language;
                turn.Send(t["language.prompt"], LanguageButtons(t));
                break;
            case "timezone":
                ctx.User.Pending = PendingQuestion.TimeZone;
                turn.Send(ZonePrompt(ctx), ZoneButtons(ctx));
                break;
            case "settings":
                var (settings, settingsButtons) = Settings(ctx);
                turn.Send(settings, settingsButtons);
                break;
            case "new":
                await CaseDialogue.StartNewAsync(ctx, turn);
                break;
            case "cases":
                await ListCasesAsync(ctx, turn, replace: false);
                break;
            case "collage":
                await CollageDialogue.OpenAsync(ctx, turn);
                break;
            case "status":
                if (await CurrentCaseAsync(ctx) is { } active)
                {
                    CaseDialogue.ShowCurrent(ctx, turn, active);
                }
                else
                {
                    turn.Send(t["status.no_case"], await MenuButtonsAsync(ctx));
                }

                break;
            case "cancel":
                var hadCase = ctx.User.ActiveCaseId is not null;
                ctx.User.ActiveCaseId = null;
                turn.Send(t[hadCase ? "cancel.done" : "cancel.nothing"], await MenuButtonsAsync(ctx));
                break;
            default:
                turn.Send(t["input.unknown_command"]);
                break;
        }
    }

    private static async Task PressAsync(ConversationContext ctx, Turn turn, ButtonInput button)
    {
        var t = ctx.Texts;

        // A press answers the pending question or moves on from it; either way it is no longer pending.
        var pending = ctx.User.Pending;
        ctx.User.Pending = PendingQuestion.None;
        if (ButtonData.TryParseCase(button.Data, out var caseButton))
        {
            if (await ctx.Cases.FindAsync(caseButton.CaseId) is { } @case)
            {
                if (CollageDialogue.Handles(caseButton.Action))
                {
                    await CollageDialogue.PressAsync(ctx, turn, @case, caseButton);
                }
                else
                {
                    CaseDialogue.Press(ctx, turn, @case, caseButton);
                }

                return;
            }
        }
        else if (ButtonData.TryParseLanguage(button.Data, out var language))
        {
            ctx.User.ChooseLanguage(language);
            var chosen = Localizer.For(language);
            turn.Replace(chosen["language.changed"]).Notice(chosen["language.changed.notice"]);
            return;
        }
        else if (ButtonData.TryParseZone(button.Data, out var zone))
        {
            ctx.User.TimeZoneId = UserTimeZones.Offered[zone];
            turn.Replace(t.Get("timezone.changed", ("zone", ZoneLabel(ctx, ctx.User.TimeZoneId)))).Notice(t["timezone.changed.notice"]);
            return;
        }
        else if (button.Data == ButtonData.ChangeZone)
        {
            ctx.User.Pending = PendingQuestion.TimeZone;
            turn.Replace(ZonePrompt(ctx), ZoneButtons(ctx));
            return;
        }
        else if (button.Data == ButtonData.ToggleNudges)
        {
            ctx.User.NudgesEnabled = !ctx.User.NudgesEnabled;
            var (settings, settingsButtons) = Settings(ctx);
            turn.Replace(settings, settingsButtons);
            return;
        }
        else if (button.Data == ButtonData.ForgetConfirmed && pending == PendingQuestion.ForgetData)
        {
            ctx.User.Forget();
            turn.Replace(t["forget.done"]);
            return;
        }
        else if (button.Data == ButtonData.ForgetConfirmed)
        {
            // An old confirmation (or a forged press on any message): erasing takes a fresh /deletemydata, and the
            // pressed message, whatever it is, stays as it was.
            turn.Send(t["forget.expired"]).Notice(t["forget.kept"]);
            return;
        }
        else if (button.Data == ButtonData.ForgetCancelled)
        {
            turn.Replace(t["forget.kept"]);
            return;
        }
        else if (button.Data == ButtonData.NewCase)
        {
            await CaseDialogue.StartNewAsync(ctx, turn);
            return;
        }
        else if (button.Data == ButtonData.CaseList)
        {
            await ListCasesAsync(ctx, turn, replace: true);
            return;
        }
        else if (ButtonData.TryParseOpen(button.Data, out var caseId) && await ctx.Cases.FindAsync(caseId) is { } opened)
        {
            CaseDialogue.ShowCurrent(ctx, turn, opened);
            return;
        }

        // Data the bot never made, or a case that is not this user's: say so, change nothing.
        turn.Notice(t["input.stale_button"]);
    }

    private static async Task TypeAsync(ConversationContext ctx, Turn turn, string text)
    {
        if (ctx.User.Pending != PendingQuestion.None)
        {
            AnswerPending(ctx, turn, text);
            return;
        }

        if (await ctx.ActiveCaseAsync() is { } active)
        {
            await CaseDialogue.TypeAsync(ctx, turn, active, text);
            return;
        }

        var anyOpen = await CurrentCaseAsync(ctx) is not null;
        turn.Send(ctx.Texts[anyOpen ? "input.choose_case" : "input.no_case"], await MenuButtonsAsync(ctx));
    }

    /// <summary>
    /// Text while a command's question is open: it answers that question, not the case step. What cannot be read
    /// gets one line saying what is needed; the question stays open until answered, or cancelled by /cancel or any command.
    /// </summary>
    private static void AnswerPending(ConversationContext ctx, Turn turn, string text)
    {
        var t = ctx.Texts;
        switch (ctx.User.Pending)
        {
            case PendingQuestion.TimeZone when ZoneInput.TryRead(text, ctx.Now, out var zone):
                ctx.User.Pending = PendingQuestion.None;
                ctx.User.TimeZoneId = zone.ZoneId;
                var local = TimeZoneInfo.ConvertTime(ctx.Now, ctx.User.TimeZone);
                turn.Send(t.Get("timezone.changed.typed", ("zone", ZoneName(ctx, zone.ZoneId)), ("now", local.ToString("HH:mm", t.Culture))));
                break;
            case PendingQuestion.TimeZone:
                turn.Send(t["timezone.not_understood"]);
                break;
            case PendingQuestion.Language when LanguageInput.TryRead(text, out var language):
                ctx.User.Pending = PendingQuestion.None;
                ctx.User.ChooseLanguage(language);
                turn.Send(Localizer.For(language)["language.changed"]);
                break;
            case PendingQuestion.Language:
                turn.Send(t["language.not_understood"], LanguageButtons(t));
                break;
            default:
                turn.Send(t["forget.use_buttons"]);
                break;
        }
    }

    /// <summary>The case in progress, or else the one the user stepped out of with /cancel (the newest open one).</summary>
    private static async Task<Case?> CurrentCaseAsync(ConversationContext ctx) =>
        await ctx.ActiveCaseAsync()
        ?? (await ctx.Cases.ListAsync()).FirstOrDefault(c => !c.IsClosed && c.OrderNumber is not null);

    private async Task<string> StatisticsAsync(ConversationContext ctx)
    {
        var t = ctx.Texts;
        var s = await statistics.CollectAsync(ctx.Now - TimeSpan.FromDays(7), ctx.Now - TimeSpan.FromDays(1));
        var uptime = ctx.Now - runtime.StartedAt;
        var steps = string.Join("\n", s.OpenCasesByStep.Select(step => $"• {step.Step}: {step.Count.ToString(t.Culture)}"));
        return t.Get("stats.text",
            ("version", runtime.Version),
            ("uptime", string.Create(CultureInfo.InvariantCulture, $"{(int)uptime.TotalDays}d {uptime.Hours}h {uptime.Minutes}m")),
            ("users", s.Users), ("active", s.ActiveUsers), ("blocked", s.BlockedUsers),
            ("open", s.OpenCases), ("won", s.WonCases), ("gave_up", s.GaveUpCases), ("rejected", s.RejectedAtLeastOnce),
            ("steps", steps),
            ("pending", s.RemindersPending), ("sent", s.RemindersSent), ("failed", s.RemindersFailed));
    }

    private static async Task ListCasesAsync(ConversationContext ctx, Turn turn, bool replace)
    {
        var t = ctx.Texts;
        var cases = (await ctx.Cases.ListAsync()).Where(c => c.OrderNumber is not null).ToList();
        string text;
        Buttons buttons;
        if (cases.Count == 0)
        {
            text = t["cases.none"];
            buttons = Buttons.Row(new Button(t["button.new_case"], ButtonData.NewCase));
        }
        else
        {
            var lines = cases.Select(c => (ctx.User.ActiveCaseId == c.Id ? "▶ " : "• ") + CaseView.Summary(c, ctx));
            text = t.Plural("cases.title", cases.Count) + "\n\n" + string.Join("\n", lines);
            buttons = Buttons.Column(
            [
                .. cases.Select(c => new Button(t.Get(c.IsClosed ? "button.read_case" : "button.open_case", ("order", c.OrderNumber)), ButtonData.Open(c.Id))),
                new Button(t["button.new_case"], ButtonData.NewCase),
            ]);
        }

        if (replace)
        {
            turn.Replace(text, buttons);
        }
        else
        {
            turn.Send(text, buttons);
        }
    }

    /// <summary>Continue the current case, start a new one, see them all.</summary>
    internal static async Task<Buttons> MenuButtonsAsync(ConversationContext ctx)
    {
        var t = ctx.Texts;
        var buttons = new List<Button>();
        var cases = (await ctx.Cases.ListAsync()).Where(c => c.OrderNumber is not null).ToList();
        if (await CurrentCaseAsync(ctx) is { OrderNumber: { } order } current)
        {
            buttons.Add(new Button(t.Get("button.continue_case", ("order", order)), ButtonData.Open(current.Id)));
        }

        buttons.Add(new Button(t["button.new_case"], ButtonData.NewCase));
        if (cases.Count > 0)
        {
            buttons.Add(new Button(t["button.my_cases"], ButtonData.CaseList));
        }

        return Buttons.Column([.. buttons]);
    }

    private static string ZoneLabel(ConversationContext ctx, string zoneId)
    {
        var offset = UserTimeZones.Offset(UserTimeZones.Find(zoneId) ?? TimeZoneInfo.Utc, ctx.Now);
        var city = ctx.Texts[$"tz.{zoneId}"];
        return city == offset ? city : ctx.Texts.Get("timezone.label", ("city", new Html(city)), ("offset", offset));
    }

    /// <summary>An offered zone by its city and offset; any other zone (read from a typed city or offset) by its offset.</summary>
    private static string ZoneName(ConversationContext ctx, string zoneId) =>
        UserTimeZones.Offered.Contains(zoneId) ? ZoneLabel(ctx, zoneId) : UserTimeZones.Offset(UserTimeZones.Find(zoneId) ?? TimeZoneInfo.Utc, ctx.Now);

    private static string ZonePrompt(ConversationContext ctx) =>
        ctx.Texts.Get("timezone.prompt", ("now", TimeZoneInfo.ConvertTime(ctx.Now, ctx.User.TimeZone).ToString("HH:mm", ctx.Texts.Culture)));

    private static Buttons ZoneButtons(ConversationContext ctx)
    {
        var buttons = UserTimeZones.OrderFor(ctx.User.Language).Select(i => new Button(ZoneLabel(ctx, UserTimeZones.Offered[i]), ButtonData.Zone(i)));
        return new Buttons([.. buttons.Chunk(2).Select(row => (IReadOnlyList<Button>)row)]);
    }

    private static (string Text, Buttons Buttons) Settings(ConversationContext ctx)
    {
        var t = ctx.Texts;
        var zone = ZoneName(ctx, ctx.User.TimeZone.Id);
        var text = t.Get(ctx.User.NudgesEnabled ? "settings.text.nudges_on" : "settings.text.nudges_off",
            ("zone", zone),
            ("quiet_start", ctx.Reminders.QuietHoursStart.ToString("HH:mm", t.Culture)),
            ("quiet_end", ctx.Reminders.QuietHoursEnd.ToString("HH:mm", t.Culture)));
        return (text, Buttons.Column(
            new Button(t["button.change_zone"], ButtonData.ChangeZone),
            new Button(t[ctx.User.NudgesEnabled ? "button.nudges_off" : "button.nudges_on"], ButtonData.ToggleNudges)));
    }

    private static Buttons LanguageButtons(Localizer t) =>
        Buttons.Column([.. Languages.All.Select(l => new Button(t[$"language.name.{l.Code()}"], ButtonData.Language(l)))]);
}
