using AppealBot.Localization;
using AppealBot.Reminders;

namespace AppealBot.Conversation;

/// <summary>
/// What a reminder says. It is rendered when it is sent, from the case as it is then, and its buttons are the
/// case's own step buttons: answering a reminder moves the case exactly as the same answer in the flow would.
/// </summary>
internal static class ReminderMessages
{
    public static CaseMessage Render(ReminderKind kind, Case c, ConversationContext ctx)
    {
        var t = ctx.Texts;
        if (kind.IsDeadline())
        {
            return Deadline(kind.Deadline(), c, ctx);
        }

        if (kind != ReminderKind.Nudge)
        {
            return CaseView.Render(c, ctx, t[$"reminder.{kind}"]);
        }

        var days = Math.Max(1, (int)Math.Round((ctx.Now - c.UpdatedAt).TotalDays));
        var text = CaseView.Header(c, t) + "\n\n" + t.Get("reminder.Nudge",
            ("waiting", new Html(t.Plural("reminder.days", days))), ("step", new Html(CaseView.Progress(c, t))));
        return new CaseMessage(text, Buttons.Column(
            new Button(t["button.continue"], ButtonData.ForCase(c, CaseActions.Show)),
            new Button(t["button.pause_case"], ButtonData.ForCase(c, CaseActions.Pause))));
    }

    /// <summary>A window closes in a few days: which, when, and a way back to the case.</summary>
    private static CaseMessage Deadline(DeadlineKind kind, Case c, ConversationContext ctx)
    {
        var t = ctx.Texts;
        var deadline = Deadlines.Open(c, ctx.Country, ctx.Deadlines, ctx.Today).FirstOrDefault(d => d.Kind == kind);
        var until = deadline?.Until ?? ctx.Today;
        var text = CaseView.Header(c, t) + "\n\n" + t.Get($"reminder.deadline.{kind}",
            ("date", until), ("relative", new Html(DeadlineView.Relative(until, ctx))));
        return new CaseMessage(text, Buttons.Column(new Button(t["button.continue"], ButtonData.ForCase(c, CaseActions.Show))));
    }

    /// <summary>One message for everything that came due while the bot was down for long.</summary>
    public static CaseMessage WhileAway(IReadOnlyList<Case> cases, ConversationContext ctx)
    {
        var t = ctx.Texts;
        var lines = string.Join("\n", cases.Select(c => "• " + CaseView.Summary(c, ctx)));
        return new CaseMessage(t.Get("reminder.away", ("cases", new Html(lines))), Buttons.Column(
            [.. cases.Select(c => new Button(t.Get("button.open_case", ("order", c.OrderNumber)), ButtonData.Open(c.Id)))]));
    }
}
