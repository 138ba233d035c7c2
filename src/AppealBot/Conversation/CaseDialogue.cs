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

    /// <summary>Re-shows a case's current step, with its case file and a way to close it, e.g. for /status or from /cases.</summary>
    public static void ShowCurrent(ConversationContext ctx, Turn turn, Case @case, string? heading = null)
    {
        var t = ctx.Texts;
        var extra = new List<IReadOnlyList<Button>>();
        string? note = heading;
        if (@case.IsClosed)
        {
            // A closed case is read again as it was left: the case file, the advice, and the last complaint.
            note = (heading is null ? "" : heading + "\n\n") + CaseFileView.Summary(@case, t)
                   + (@case.Problem is null ? "" : "\n\n" + CaseView.Advice(@case, t));
            if (@case.Filings > 0)
            {
                SendComplaintDrafts(ctx, turn, @case);
            }

            Show(ctx, turn, @case, note, replace: false);
            return;
        }

        ctx.User.ActiveCaseId = @case.Id;
        if (@case.Step.AllowsEditing())
        {
            note = (heading is null ? "" : heading + "\n\n") + CaseFileView.Summary(@case, t)
                   + (DeadlineView.Plan(@case, ctx) is { } plan ? "\n\n" + plan : "");
            extra.Add([new Button(t["button.open_file"], ButtonData.ForCase(@case, CaseActions.OpenFile))]);
        }

        // The routes have their own "close without the money" button.
        extra.Add(@case.Step == CaseStep.Escalation
            ? [new Button(t["button.close_won"], ButtonData.ForCase(@case, CaseActions.Close, (int)CaseOutcome.Won))]
            :
            [
                new Button(t["button.close_won"], ButtonData.ForCase(@case, CaseActions.Close, (int)CaseOutcome.Won)),
                new Button(t["button.close_gave_up"], ButtonData.ForCase(@case, CaseActions.Close, (int)CaseOutcome.GaveUp)),
            ]);

        Show(ctx, turn, @case, note, replace: false, extra);
    }

    public static void Press(ConversationContext ctx, Turn turn, Case @case, CaseButton button)
    {
        var t = ctx.Texts;
        if (button.Step != @case.Step || button.Position != @case.Position || (@case.IsClosed && button.Action is not (CaseActions.Show or CaseActions.Reopen)))
        {
            turn.Notice(t["input.stale_button"]);
            Show(ctx, turn, @case, note: null, replace: true);
            return;
        }

        if (!@case.IsClosed)
        {
            ctx.User.ActiveCaseId = @case.Id;
        }

        if (button.Action == CaseActions.Close && button.Argument is (int)CaseOutcome.Won or (int)CaseOutcome.GaveUp)
        {
            // Asked in a message of its own, so the message the buyer tapped (the routes, say) stays readable.
            var outcome = button.Argument.Value;
            turn.Send(t.Get($"close.confirm.{(CaseOutcome)outcome}", ("order", @case.OrderNumber ?? "…")), Buttons.Row(
                new Button(t["button.close_confirm"], ButtonData.ForCase(@case, CaseActions.CloseConfirmed, outcome)),
                new Button(t["button.keep_open"], ButtonData.ForCase(@case, CaseActions.KeepOpen))));
            return;
        }

        if (button.Action == CaseActions.KeepOpen)
        {
            turn.Replace(t["close.kept"]);
            return;
        }

        // A route's ready text comes under the routes, which stay as they are.
        var routes = @case.Step == CaseStep.Escalation ? Routes.For(@case, ctx.Country, ctx.Deadlines, ctx.Today) : [];
        if ((button.Action == CaseActions.PayPalText && routes.Contains(Route.PayPal))
            || (button.Action == CaseActions.BankLetter && (routes.Contains(Route.Chargeback) || routes.Contains(Route.MirOrSbp))))
        {
            ShowRouteText(ctx, turn, @case, button.Action == CaseActions.PayPalText ? Drafts.PayPalDispute : Drafts.BankLetter,
                button.Action == CaseActions.PayPalText ? "draft.paypal.label" : "draft.bank.label");
            return;
        }

        using var flow = new CaseFlow(@case, Deadlines.AppealOpen(@case, ctx.Deadlines, ctx.Today));
        string? note = null;
        var reveal = button.Action == CaseActions.Answer;
        var step = @case.Step;
        var answersFact = step is CaseStep.Facts or CaseStep.EditFact or CaseStep.Note;
        var done = button.Action switch
        {
            CaseActions.Back => flow.Back(),
            CaseActions.Show or CaseActions.Answer => true,
            CaseActions.Choose when answersFact => button.Argument is { } value && flow.ChooseFact(value),
            CaseActions.Choose when step == CaseStep.RejectionReason =>
                button.Argument is { } reason && flow.ExplainRejection((RejectionReason)reason),
            CaseActions.Choose => Choose(flow, @case.Problem, button.Argument),
            CaseActions.Toggle when answersFact => button.Argument is { } flag && flow.ToggleFact(flag),
            CaseActions.Continue when answersFact => flow.FinishFact(),
            CaseActions.Skip when answersFact => flow.SkipFact(),
            CaseActions.Skip when step == CaseStep.RejectionDetail => flow.TypeRejection(null),
            CaseActions.InDays when answersFact => button.Argument is >= 0 and <= FurthestDueDays && flow.GiveFactDays(button.Argument.Value),
            CaseActions.DaysAgo when answersFact => button.Argument is { } ago && @case.CurrentQuestion is { } dated
                                                    && FactQuestions.DaysAgoChoices(dated).Contains(ago)
                                                    && flow.GiveFactDate(ctx.Today.AddDays(-ago), approximate: ago >= 7),
            CaseActions.Today => flow.GiveClosedDate(ctx.Today) && Noted(out note, DeadlineView.AppealNote(@case, ctx)),
            CaseActions.Yesterday => flow.GiveClosedDate(ctx.Today.AddDays(-1)) && Noted(out note, DeadlineView.AppealNote(@case, ctx)),
            CaseActions.Yes when @case.Step == CaseStep.AwaitingRefund => flow.ConfirmMoneyArrived(),
            CaseActions.No when @case.Step == CaseStep.AwaitingRefund => flow.ReportMoneyMissing() && Noted(out note, t["step.refund_missing"]),
            CaseActions.Yes => flow.AnswerReason(yes: true),
            CaseActions.No => flow.AnswerReason(yes: false),
            CaseActions.Toggle => button.Argument is { } item && EvidenceChecklist.For(@case).Contains((EvidenceItems)item)
                                  && flow.ToggleEvidence((EvidenceItems)item),
            CaseActions.Continue => flow.Continue(),
            CaseActions.NoSurveyButton => flow.Continue() && Noted(out note, t["step.survey.no_button"]),
            CaseActions.Filed => flow.FileComplaint(ctx.Today, ctx.Now + ctx.Reminders.CheckBackAfter),
            CaseActions.AllFine => flow.ConfirmAllFine(),
            CaseActions.Missing => flow.ReportSomethingMissing(),
            CaseActions.InDays => button.Argument is >= 0 and <= FurthestDueDays && GiveDueDate(ctx, flow, ctx.Today.AddDays(button.Argument.Value))
                                  && Noted(out note, DueNote(ctx, step, ctx.Today.AddDays(button.Argument.Value))),
            CaseActions.RemindLater => flow.RemindLater(),
            CaseActions.Pause => Pause(flow) && Noted(out note, t["reminder.paused"]),
            CaseActions.Accepted => flow.ReportAccepted() && Noted(out note, t["step.accepted"]),
            CaseActions.Rejected => flow.ReportRejected(),
            CaseActions.NotDecided => flow.ReportNotDecided()
                                      && Noted(out note, t.Get("step.not_decided", ("draft", new Html(CaseView.Pre(Drafts.SpeedUp(@case, t)))))),
            CaseActions.Skip => flow.GiveAmount(null),
            CaseActions.FileAgain => flow.FileAgain(),
            CaseActions.RefilingRefused => flow.ReportRefilingRefused(),
            CaseActions.OpenFile => flow.OpenCaseFile(),
            CaseActions.EditFact => button.Argument is { } question && Enum.IsDefined((FactQuestion)question) && flow.EditFact((FactQuestion)question),
            CaseActions.EditEvidence => flow.EditEvidence(),
            CaseActions.Done => flow.FinishEditing() && Noted(out note, t["file.saved"]),
            CaseActions.CloseConfirmed => button.Argument is (int)CaseOutcome.Won or (int)CaseOutcome.GaveUp && flow.Close((CaseOutcome)button.Argument.Value),
            CaseActions.Reopen => flow.Reopen() && Reopened(ctx, @case) && Noted(out note, t["case.reopened"]),
            _ => false,
        };

        if (!done)
        {
            turn.Notice(t["input.stale_button"]);
        }
        else if (step == CaseStep.EditFact && @case.Step != CaseStep.EditFact && @case.Step != CaseStep.EditFacts)
        {
            note = t["file.saved"];
        }

        // Back to the complaint from a later step: its texts are still above, unchanged; only the prompt comes back.
        var draftsAbove = done && button.Action == CaseActions.Back && @case.Step is CaseStep.Complaint or CaseStep.Refile;
        Show(ctx, turn, @case, note, replace: true, reveal: reveal, draftsAbove: draftsAbove);
    }

    public static async Task TypeAsync(ConversationContext ctx, Turn turn, Case @case, string text)
    {
        var t = ctx.Texts;
        using var flow = new CaseFlow(@case, Deadlines.AppealOpen(@case, ctx.Deadlines, ctx.Today));
        var step = @case.Step;
        string? problem = null;
        string? note = null;
        switch (@case.Step)
        {
            case CaseStep.OrderNumber:
                if (!OrderNumber.TryParse(text, out var orderNumber))
                {
                    problem = t.Get("input.bad_order", ("min", OrderNumber.MinDigits), ("max", OrderNumber.MaxDigits));
                }
                else if ((await ctx.Cases.ListAsync()).FirstOrDefault(c => c.OrderNumber == orderNumber && c.Id != @case.Id) is { } known)
                {
                    // One case per order: the order's case opens; the empty draft stays unused for the next /new.
                    ShowCurrent(ctx, turn, known, t["cases.already"]);
                    return;
                }
                else if (!flow.GiveOrderNumber(orderNumber))
                {
                    problem = t["input.use_buttons"];
                }

                break;

            case CaseStep.Facts or CaseStep.EditFact or CaseStep.Note when @case.CurrentQuestion is { } question:
                problem = TypeFact(ctx, flow, question, text, out note);
                break;

            case CaseStep.RejectionReason or CaseStep.RejectionDetail:
                problem = ReadDetail(t, text, CaseFacts.MaxDetailLength, out var reason) ?? (flow.TypeRejection(reason) ? null : t["input.use_buttons"]);
                break;

            case CaseStep.DisputeAmount or CaseStep.CompensationAmount or CaseStep.RefundAmount:
                if (!MoneyInput.TryParse(text, t["amount.default_currency"], out var money) || !flow.GiveAmount(money))
                {
                    problem = t.Get("input.bad_amount", ("example", t["amount.example"]));
                }
                else
                {
                    note = t.Get("input.noted", ("value", money));
                }

                break;

            case CaseStep.ClosedDate:
                problem = ReadDate(ctx, text, DateDirection.Past, out var closedOn)
                          ?? (flow.GiveClosedDate(closedOn) ? null : t["input.use_buttons"]);
                note = problem is null ? Joined(t.Get("input.closed_noted", ("date", closedOn)), DeadlineView.AppealNote(@case, ctx)) : null;
                break;

            case CaseStep.DecisionDate or CaseStep.RefundDate or CaseStep.CheckBackLater:
                problem = ReadDate(ctx, text, DateDirection.Future, out var due)
                          ?? (GiveDueDate(ctx, flow, due) ? null : t["input.use_buttons"]);
                note = problem is null ? DueNote(ctx, step, due) : null;
                break;

            case CaseStep.LossReasons or CaseStep.AwaitingRefund when YesNoInput.Read(text) is not YesNoAnswer.NotUnderstood and var answer:
                var yes = answer == YesNoAnswer.Yes;
                var answered = step == CaseStep.LossReasons ? flow.AnswerReason(yes)
                    : yes ? flow.ConfirmMoneyArrived()
                    : flow.ReportMoneyMissing() && Noted(out note, t["step.refund_missing"]);
                problem = answered ? null : t["input.use_buttons"];
                break;

            default:
                problem = HelpInput.AsksForHelp(text) ? t["input.step_help"] : t["input.use_buttons"];
                break;
        }

        // Text the step does not read: one short message saying what it needs, never the long texts and drafts again.
        if (problem is not null && CaseView.Brief(@case, ctx, problem) is { } brief)
        {
            turn.Send(brief.Html, brief.Buttons);
            return;
        }

        if (problem is null && step == CaseStep.EditFact && @case.Step != CaseStep.EditFact)
        {
            note = t["file.saved"];
        }

        Show(ctx, turn, @case, problem ?? note, replace: false);
    }

    /// <summary>A typed answer to a fact question; an error message, or null with the answer recorded (and a short echo in <paramref name="echo"/>).</summary>
    private static string? TypeFact(ConversationContext ctx, CaseFlow flow, FactQuestion question, string text, out string? echo)
    {
        var t = ctx.Texts;
        echo = null;
        switch (FactQuestions.Kind(question))
        {
            case AnswerKind.Text when question == FactQuestion.TrackingNumber:
                if (!TrackingNumberInput.TryParse(text, out var number))
                {
                    return t.Get("input.bad_tracking", ("min", TrackingNumberInput.MinLength), ("max", TrackingNumberInput.MaxLength));
                }

                flow.TypeFact(number);
                echo = t.Get("input.noted", ("value", number));
                return null;

            case AnswerKind.Choice when question is FactQuestion.ParcelDamaged or FactQuestion.Protection
                                        && YesNoInput.Read(text) is not YesNoAnswer.NotUnderstood and var answer:
                var value = (question, answer == YesNoAnswer.Yes) switch
                {
                    (FactQuestion.ParcelDamaged, var yes) => yes ? 1 : 0,
                    (_, true) => (int)ProtectionTimer.Running,
                    _ => (int)ProtectionTimer.Over,
                };
                return flow.ChooseFact(value) ? null : t["input.use_buttons"];

            case AnswerKind.Text:
            case AnswerKind.Choice when question is FactQuestion.SellerArgument or FactQuestion.ClosingReason:
                if (ReadDetail(t, text, FactQuestions.MaxLength(question), out var detail) is { } unusable)
                {
                    return unusable;
                }

                if (!flow.TypeFact(detail!))
                {
                    return t["input.use_buttons"];
                }

                // Shown back like a number or a date: these words go into the complaint as they are.
                echo = t.Get("input.noted", ("value", detail));
                return null;

            case AnswerKind.Date:
            {
                // A promised delivery date may still be ahead; everything else the case file asks about has happened.
                if (ReadDate(ctx, text, DateDirection.Past, out var date, mayBeAhead: question == FactQuestion.PromisedBy) is { } bad)
                {
                    return bad;
                }

                var approximate = DateInput.TryRead(text, t.Culture, ctx.Today, DateDirection.Past, out var reading) && reading.IsApproximate;
                flow.GiveFactDate(date, approximate);
                echo = t.Get(approximate ? "input.noted_about" : "input.noted", ("value", date));
                return null;
            }

            case AnswerKind.Days:
                if (!int.TryParse(TypedText.WithoutInvisibles(text).Trim(), System.Globalization.NumberStyles.None, t.Culture, out var days)
                    || days > FurthestDueDays)
                {
                    return t["input.bad_days"];
                }

                flow.GiveFactDays(days);
                echo = t.Get("input.noted", ("value", new Html(t.Plural("fact.days", days))));
                return null;

            default:
                return t["input.use_buttons"];
        }
    }

    /// <summary>An error message for a detail that is empty or too long, or null with the cleaned line.</summary>
    private static string? ReadDetail(Localizer t, string text, int max, out string? detail)
    {
        detail = DetailInput.Read(text, out var length);
        if (detail is null)
        {
            return t["input.use_buttons"];
        }

        return length > max ? t.Get("input.too_long", ("max", max), ("length", length)) : null;
    }

    /// <summary>
    /// An error message for a date that cannot be used, or null with the date read. With <paramref name="mayBeAhead"/>,
    /// a date without a year is the nearest one, before or after today.
    /// </summary>
    private static string? ReadDate(ConversationContext ctx, string text, DateDirection direction, out DateOnly date, bool mayBeAhead = false)
    {
        var t = ctx.Texts;
        var example = ctx.Today.ToString(t["format.date_input"], t.Culture);
        if (!DateInput.TryParse(text, t.Culture, ctx.Today, direction, out date))
        {
            return t.Get("input.bad_date", ("example", example));
        }

        if (mayBeAhead && DateInput.TryParse(text, t.Culture, ctx.Today, DateDirection.Future, out var ahead)
            && ahead.DayNumber - ctx.Today.DayNumber < ctx.Today.DayNumber - date.DayNumber)
        {
            date = ahead;
        }

        var oldest = DateOnly.FromDateTime(ctx.Now.UtcDateTime - OldestClosedDate);
        return direction switch
        {
            _ when date < oldest && direction == DateDirection.Past => t["input.date_too_old"],
            DateDirection.Past when date > ctx.Today.AddDays(mayBeAhead ? FurthestDueDays : 0) => mayBeAhead ? t["input.date_too_far"] : t["input.date_in_future"],
            DateDirection.Future when date < ctx.Today => t["input.date_in_past"],
            DateDirection.Future when date > ctx.Today.AddDays(FurthestDueDays) => t["input.date_too_far"],
            _ => null,
        };
    }

    private static bool Choose(CaseFlow flow, ProblemKind? problem, int? argument) => (flow.Step, argument) switch
    {
        (CaseStep.Problem, { } p) when Enum.IsDefined((ProblemKind)p) => flow.ChooseProblem((ProblemKind)p),
        (CaseStep.DisputeClaim, { } k) when Compensations.Fitting(problem).Contains((Compensation)k) => flow.ChooseDisputeClaim((Compensation)k),
        (CaseStep.Compensation, { } k) when Compensations.Fitting(problem).Contains((Compensation)k) => flow.ChooseCompensation((Compensation)k),
        _ => false,
    };

    private static bool GiveDueDate(ConversationContext ctx, CaseFlow flow, DateOnly due) => flow.Step switch
    {
        CaseStep.DecisionDate => flow.GiveDecisionDate(due),
        CaseStep.RefundDate => flow.GiveRefundDate(due),
        CaseStep.CheckBackLater => flow.SnoozeCheckBack(LocalTime.At(due, ctx.Reminders.DayTime, ctx.User.TimeZone)),
        _ => false,
    };

    /// <summary>A route's ready text (PayPal, the bank), in the user's language and in English, under the routes message; the case stays where it is.</summary>
    private static void ShowRouteText(ConversationContext ctx, Turn turn, Case @case, Func<Case, Localizer, Language, string> draft, string labelKey)
    {
        var t = ctx.Texts;
        foreach (var language in DraftLanguages(ctx.User.Language))
        {
            turn.Send(t.Get(labelKey, ("language", new Html(t[$"language.in.{language.Code()}"])))
                      + "\n" + CaseView.Pre(draft(@case, Localizer.For(language), ctx.User.Language)));
        }
    }

    /// <summary>The echo of a date the buyer set: when the bot will come back (a snooze says so, as every other date).</summary>
    private static string DueNote(ConversationContext ctx, CaseStep step, DateOnly due) =>
        ctx.Texts.Get(step == CaseStep.CheckBackLater ? "input.snoozed" : "input.due_noted", ("due", new Html(CaseView.Day(due, ctx))), ("date", due));

    private static bool Reopened(ConversationContext ctx, Case @case)
    {
        ctx.User.ActiveCaseId = @case.Id;
        return true;
    }

    private static bool Pause(CaseFlow flow)
    {
        flow.Pause();
        return true;
    }

    private static string Joined(string first, string? second) => second is null ? first : first + "\n" + second;

    private static bool Noted(out string? note, string? text)
    {
        note = text;
        return true;
    }

    /// <summary>
    /// Shows the case's step. The complaint steps come as several messages (instructions, one draft per
    /// language, then the buttons), because each draft must be easy to copy on its own.
    /// </summary>
    private static void Show(ConversationContext ctx, Turn turn, Case @case, string? note, bool replace,
        IReadOnlyList<IReadOnlyList<Button>>? extraRows = null, bool reveal = false, bool draftsAbove = false)
    {
        var t = ctx.Texts;
        if (draftsAbove)
        {
            var prompt = CaseView.Render(@case, ctx, t["step.complaint.drafts_above"]);
            Emit(turn, prompt.Html, WithRows(prompt.Buttons, [[new Button(t["button.show_drafts"], ButtonData.ForCase(@case, CaseActions.Show))]]), replace);
            return;
        }

        if (@case.Step is CaseStep.Complaint or CaseStep.Refile)
        {
            var intro = t[@case.Step == CaseStep.Complaint ? "step.complaint" : "step.refile"];
            if (CaseView.EvidenceWarning(@case, t) is { } warning)
            {
                intro += "\n\n" + warning;
            }

            var header = CaseView.Header(@case, t) + (note is null ? "" : "\n\n" + note) + "\n\n" + intro;
            Emit(turn, header, null, replace);
            SendComplaintDrafts(ctx, turn, @case);

            var prompt = CaseView.Render(@case, ctx);
            turn.Send(prompt.Html, WithRows(prompt.Buttons, extraRows));
            return;
        }

        var message = CaseView.Render(@case, ctx, note, reveal);
        Emit(turn, message.Html, WithRows(message.Buttons, extraRows), replace);
    }

    /// <summary>The complaint, one message per language, each easy to copy on its own.</summary>
    private static void SendComplaintDrafts(ConversationContext ctx, Turn turn, Case @case)
    {
        var t = ctx.Texts;
        foreach (var language in DraftLanguages(ctx.User.Language))
        {
            turn.Send(t.Get("draft.complaint.label", ("language", new Html(t[$"language.in.{language.Code()}"])))
                      + "\n" + CaseView.Pre(Drafts.Complaint(@case, Localizer.For(language), ctx.User.Language)));
        }
    }

    private static Buttons? WithRows(Buttons? buttons, IReadOnlyList<IReadOnlyList<Button>>? rows) => rows is null or { Count: 0 }
        ? buttons
        : new Buttons([.. buttons?.Rows ?? [], .. rows]);

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
