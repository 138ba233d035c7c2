using AppealBot.Conversation.Input;
using AppealBot.Localization;
using AppealBot.Reminders;

namespace AppealBot.Conversation;

/// <summary>Moves a case through its flow in answer to the user's buttons and typed values, and shows the next step.</summary>
internal static class CaseDialogue
{
    private static readonly TimeSpan OldestClosedDate = TimeSpan.FromDays(3 * 365);
    private const int FurthestDueDays = 365;

    public static async Task StartNewAsync(ConversationContext ctx, Turn turn)
    {
        // An untouched draft (no order number yet) is reused rather than piling up empty cases.
        var current = ctx.User.ActiveCaseId is { } id ? await ctx.Cases.FindAsync(id) : null;
        var @case = current is { Step: CaseStep.OrderNumber, OrderNumber: null } ? current : await ctx.Cases.OpenNewAsync(ctx.Now);
        ctx.User.ActiveCaseId = @case.Id;
        Show(ctx, turn, @case, note: null, replace: false);
    }

    /// <summary>Re-shows a case's current step, e.g. for /status or after opening it from /cases.</summary>
    /// <summary>Re-shows a case's current step, with a way to close the case, e.g. for /status or from /cases.</summary>
    public static void ShowCurrent(ConversationContext ctx, Turn turn, Case @case)
    {
        var t = ctx.Texts;
        IReadOnlyList<Button>? closeRow = null;
        if (!@case.IsClosed)
        {
            ctx.User.ActiveCaseId = @case.Id;
            closeRow =
            [
                new Button(t["button.close_won"], ButtonData.ForCase(@case, CaseActions.Close, (int)CaseOutcome.Won)),
                new Button(t["button.close_gave_up"], ButtonData.ForCase(@case, CaseActions.Close, (int)CaseOutcome.GaveUp)),
            ];
        }

        Show(ctx, turn, @case, note: null, replace: false, closeRow);
    }

    public static void Press(ConversationContext ctx, Turn turn, Case @case, CaseButton button)
    {
        var t = ctx.Texts;
        if (button.Step != @case.Step || (@case.IsClosed && button.Action != CaseActions.Show))
        {
            turn.Notice(t["input.stale_button"]);
            Show(ctx, turn, @case, note: null, replace: true);
            return;
        }

        if (!@case.IsClosed)
        {
            ctx.User.ActiveCaseId = @case.Id;
        }

        using var flow = new CaseFlow(@case);
        string? note = null;
        var done = button.Action switch
        {
            CaseActions.Back => flow.Back(),
            CaseActions.Show => true,
            CaseActions.Choose => Choose(flow, button.Argument),
            CaseActions.Today => flow.GiveClosedDate(ctx.Today),
            CaseActions.Yesterday => flow.GiveClosedDate(ctx.Today.AddDays(-1)),
            CaseActions.Yes when @case.Step == CaseStep.AwaitingRefund => flow.ConfirmMoneyArrived(),
            CaseActions.No when @case.Step == CaseStep.AwaitingRefund => flow.ReportMoneyMissing() && Noted(out note, t["step.refund_missing"]),
            CaseActions.Yes => flow.AnswerReason(applies: true),
            CaseActions.No => flow.AnswerReason(applies: false),
            CaseActions.Toggle => button.Argument is { } item && EvidenceChecklist.For(@case.Problem).Contains((EvidenceItems)item)
                                  && flow.ToggleEvidence((EvidenceItems)item),
            CaseActions.Continue => flow.Continue(),
            CaseActions.NoSurveyButton => flow.Continue() && Noted(out note, t["step.survey.no_button"]),
            CaseActions.Filed => flow.FileComplaint(ctx.Today, ctx.Now + ctx.Reminders.CheckBackAfter),
            CaseActions.AllFine => flow.ConfirmAllFine(),
            CaseActions.Missing => flow.ReportSomethingMissing(),
            CaseActions.InDays => button.Argument is >= 0 and <= FurthestDueDays && GiveDueDate(ctx, flow, ctx.Today.AddDays(button.Argument.Value)),
            CaseActions.RemindLater => flow.RemindLater(),
            CaseActions.Pause => Pause(flow) && Noted(out note, t["reminder.paused"]),
            CaseActions.Accepted => flow.ReportAccepted() && Noted(out note, t["step.accepted"]),
            CaseActions.Rejected => flow.ReportRejected(),
            CaseActions.NotDecided => flow.ReportNotDecided()
                                      && Noted(out note, t.Get("step.not_decided", ("draft", new Html(CaseView.Pre(Drafts.SpeedUp(@case, t)))))),
            CaseActions.Skip => flow.GiveAmount(null),
            CaseActions.FileAgain => flow.FileAgain(),
            CaseActions.Close => button.Argument is (int)CaseOutcome.Won or (int)CaseOutcome.GaveUp && flow.Close((CaseOutcome)button.Argument.Value),
            _ => false,
        };

        if (!done)
        {
            turn.Notice(t["input.stale_button"]);
        }

        Show(ctx, turn, @case, note, replace: true);
    }

    public static void Type(ConversationContext ctx, Turn turn, Case @case, string text)
    {
        var t = ctx.Texts;
        using var flow = new CaseFlow(@case);
        string? problem = null;
        switch (@case.Step)
        {
            case CaseStep.OrderNumber:
                if (!OrderNumber.TryParse(text, out var orderNumber) || !flow.GiveOrderNumber(orderNumber))
                {
                    problem = t.Get("input.bad_order", ("min", OrderNumber.MinDigits), ("max", OrderNumber.MaxDigits));
                }

                break;

            case CaseStep.DisputeAmount or CaseStep.CompensationAmount or CaseStep.RefundAmount:
                if (!MoneyInput.TryParse(text, t["amount.default_currency"], out var money) || !flow.GiveAmount(money))
                {
                    problem = t.Get("input.bad_amount", ("example", t["amount.example"]));
                }

                break;

            case CaseStep.ClosedDate:
                problem = ReadDate(ctx, text, DateDirection.Past, out var closedOn)
                          ?? (flow.GiveClosedDate(closedOn) ? null : t["input.use_buttons"]);
                break;

            case CaseStep.DecisionDate or CaseStep.RefundDate or CaseStep.CheckBackLater:
                problem = ReadDate(ctx, text, DateDirection.Future, out var due)
                          ?? (GiveDueDate(ctx, flow, due) ? null : t["input.use_buttons"]);
                break;

            default:
                problem = t["input.use_buttons"];
                break;
        }

        Show(ctx, turn, @case, problem, replace: false);
    }

    /// <summary>An error message for a date that cannot be used, or null with the date read.</summary>
    private static string? ReadDate(ConversationContext ctx, string text, DateDirection direction, out DateOnly date)
    {
        var t = ctx.Texts;
        var example = ctx.Today.ToString(t["format.date_input"], t.Culture);
        if (!DateInput.TryParse(text, t.Culture, ctx.Today, direction, out date))
        {
            return t.Get("input.bad_date", ("example", example));
        }

        return direction switch
        {
            DateDirection.Past when date > ctx.Today => t["input.date_in_future"],
            DateDirection.Past when date < DateOnly.FromDateTime(ctx.Now.UtcDateTime - OldestClosedDate) => t["input.date_too_old"],
            DateDirection.Future when date < ctx.Today => t["input.date_in_past"],
            DateDirection.Future when date > ctx.Today.AddDays(FurthestDueDays) => t["input.date_too_far"],
            _ => null,
        };
    }

    private static bool Choose(CaseFlow flow, int? argument) => (flow.Step, argument) switch
    {
        (CaseStep.Problem, { } p) when Enum.IsDefined((ProblemKind)p) => flow.ChooseProblem((ProblemKind)p),
        (CaseStep.DisputeClaim, { } k) when Enum.IsDefined((Compensation)k) => flow.ChooseDisputeClaim((Compensation)k),
        (CaseStep.Compensation, { } k) when Enum.IsDefined((Compensation)k) => flow.ChooseCompensation((Compensation)k),
        _ => false,
    };

    private static bool GiveDueDate(ConversationContext ctx, CaseFlow flow, DateOnly due) => flow.Step switch
    {
        CaseStep.DecisionDate => flow.GiveDecisionDate(due),
        CaseStep.RefundDate => flow.GiveRefundDate(due),
        CaseStep.CheckBackLater => flow.SnoozeCheckBack(LocalTime.At(due, ctx.Reminders.DayTime, ctx.User.TimeZone)),
        _ => false,
    };

    private static bool Pause(CaseFlow flow)
    {
        flow.Pause();
        return true;
    }

    private static bool Noted(out string? note, string text)
    {
        note = text;
        return true;
    }

    /// <summary>
    /// Shows the case's step. The complaint steps come as several messages (instructions, one draft per
    /// language, then the buttons), because each draft must be easy to copy on its own.
    /// </summary>
    private static void Show(ConversationContext ctx, Turn turn, Case @case, string? note, bool replace, IReadOnlyList<Button>? extraRow = null)
    {
        var t = ctx.Texts;
        if (@case.Step is CaseStep.Complaint or CaseStep.Refile)
        {
            var intro = @case.Step == CaseStep.Complaint ? t["step.complaint"] : CaseView.Advice(@case, t, forRefiling: true);
            var header = CaseView.Header(@case, t) + (note is null ? "" : "\n\n" + note) + "\n\n" + intro;
            Emit(turn, header, null, replace);
            foreach (var language in DraftLanguages(ctx.User.Language))
            {
                var draftTexts = Localizer.For(language);
                turn.Send(t.Get("draft.complaint.label", ("language", new Html(t[$"language.in.{language.Code()}"])))
                          + "\n" + CaseView.Pre(Drafts.Complaint(@case, draftTexts)));
            }

            var prompt = CaseView.Render(@case, ctx);
            turn.Send(prompt.Html, WithRow(prompt.Buttons, extraRow));
            return;
        }

        var message = CaseView.Render(@case, ctx, note);
        Emit(turn, message.Html, WithRow(message.Buttons, extraRow), replace);
    }

    private static Buttons? WithRow(Buttons? buttons, IReadOnlyList<Button>? row) => row is null
        ? buttons
        : new Buttons([.. buttons?.Rows ?? [], row]);

    private static IEnumerable<Language> DraftLanguages(Language userLanguage) =>
        userLanguage == Language.En ? [Language.En] : [userLanguage, Language.En];

    private static void Emit(Turn turn, string html, Buttons? buttons, bool replace)
    {
        if (replace)
        {
            turn.Replace(html, buttons);
        }
        else
        {
            turn.Send(html, buttons);
        }
    }
}
