using System.Text;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>A message of the flow: HTML text and its buttons.</summary>
internal sealed record CaseMessage(string Html, Buttons? Buttons);

/// <summary>Renders the message for a case's current step: a header naming the order and the progress, the question, the buttons.</summary>
internal static class CaseView
{
    private static readonly int[] DecisionDays = [1, 3, 5, 7, 10, 14];
    private static readonly int[] RefundDays = [3, 5, 7, 10, 14, 30];

    /// <summary>The step's message; <paramref name="note"/> (already HTML) is shown between the header and the question.</summary>
    public static CaseMessage Render(Case c, ConversationContext ctx, string? note = null)
    {
        var t = ctx.Texts;
        var body = new StringBuilder(Header(c, t));
        if (note is not null)
        {
            body.Append("\n\n").Append(note);
        }

        var (question, buttons) = Step(c, ctx);
        body.Append("\n\n").Append(question);
        return new CaseMessage(body.ToString(), buttons);
    }

    public static string Header(Case c, Localizer t)
    {
        var progress = c.Step == CaseStep.Closed ? t["progress.closed"] : Progress(c, t);
        return c.OrderNumber is null
            ? t.Get("case.header.new", ("progress", new Html(progress)))
            : t.Get("case.header", ("order", c.OrderNumber), ("progress", new Html(progress)));
    }

    /// <summary>"getting ready" or "step 3 of 6: complaint".</summary>
    public static string Progress(Case c, Localizer t)
    {
        var step = c.Step.RecoveryStep();
        return step == 0
            ? t["progress.preparation"]
            : t.Get("progress.step", ("n", step), ("total", CaseSteps.RecoverySteps), ("name", t[$"step.name.{step}"]));
    }

    /// <summary>Where the case stands in one line, for /cases.</summary>
    public static string Summary(Case c, ConversationContext ctx)
    {
        var t = ctx.Texts;
        var where = c.Step == CaseStep.Closed ? t[$"cases.closed.{c.Outcome}"] : Progress(c, t);
        var due = c.NextDue(ctx.User.TimeZone);
        return due is { } date
            ? t.Get("cases.line.due", ("order", c.OrderNumber ?? "…"), ("where", new Html(where)), ("due", date))
            : t.Get("cases.line", ("order", c.OrderNumber ?? "…"), ("where", new Html(where)));
    }

    public static string Pre(string plainEscaped) => $"<pre>{plainEscaped}</pre>";

    private static (string Question, Buttons? Buttons) Step(Case c, ConversationContext ctx)
    {
        var t = ctx.Texts;
        Button B(string label, string action, int? argument = null) => new(label, ButtonData.ForCase(c, action, argument));
        Button Back() => B(t["button.back"], CaseActions.Back);
        string DateExample() => ctx.Today.ToString(t["format.date_input"], t.Culture);

        switch (c.Step)
        {
            case CaseStep.OrderNumber:
                return (t["case.ask_order"], null);

            case CaseStep.Problem:
                return (t["case.ask_problem"], Buttons.Column(
                    [.. Enum.GetValues<ProblemKind>().Select(p => B(t[$"problem.{p}"], CaseActions.Choose, (int)p)), Back()]));

            case CaseStep.DisputeClaim:
                return (t["case.ask_claim"], CompensationButtons(c, t, Back()));

            case CaseStep.DisputeAmount:
                return (t.Get("case.ask_dispute_amount", ("example", t["amount.example"])), Buttons.Row(Back()));

            case CaseStep.ClosedDate:
                return (t.Get("case.ask_closed", ("example", DateExample())), new Buttons(
                [
                    [B(t["button.today"], CaseActions.Today), B(t["button.yesterday"], CaseActions.Yesterday)],
                    [Back()],
                ]));

            case CaseStep.LossReasons:
            {
                var questions = LossReasonQuestions.For(c);
                var reason = questions[Math.Min(c.ReasonsAnswered, questions.Count - 1)];
                var key = reason == LossReasons.NoEvidence && c.Problem == ProblemKind.NotReceived
                    ? "reason.question.NoEvidence.NotReceived"
                    : $"reason.question.{reason}";
                var question = t.Get("case.reasons", ("n", c.ReasonsAnswered + 1), ("total", questions.Count), ("question", new Html(t[key])));
                return (question, new Buttons(
                [
                    [B(t["button.yes"], CaseActions.Yes), B(t["button.no"], CaseActions.No)],
                    [Back()],
                ]));
            }

            case CaseStep.Advice:
                return (Advice(c, t, forRefiling: false), Buttons.Column(B(t["button.to_evidence"], CaseActions.Continue), Back()));

            case CaseStep.Evidence:
                return (Evidence(c, t), Buttons.Column(
                [
                    .. EvidenceChecklist.For(c.Problem).Select(item => B(
                        t.Get(c.EvidenceReady.HasFlag(item) ? "button.evidence.ready" : "button.evidence.missing", ("item", new Html(t[$"evidence.label.{item}"]))),
                        CaseActions.Toggle, (int)item)),
                    B(t["button.to_compensation"], CaseActions.Continue),
                    Back(),
                ]));

            case CaseStep.Compensation:
                return (CompensationAdvice(c, t), CompensationButtons(c, t, Back()));

            case CaseStep.CompensationAmount:
                return (t.Get("case.ask_compensation_amount", ("example", t["amount.example"])), Buttons.Row(Back()));

            case CaseStep.Survey:
                return (t.Get("step.survey", ("draft", new Html(Pre(Drafts.Survey(c, t))))), Buttons.Column(
                    B(t["button.survey_done"], CaseActions.Continue), B(t["button.no_survey_button"], CaseActions.NoSurveyButton), Back()));

            case CaseStep.SupportChat:
                return (t.Get("step.support", ("order", c.OrderNumber), ("draft", new Html(Pre(Drafts.Opening(c, t))))), Buttons.Column(
                    B(t["button.to_complaint"], CaseActions.Continue), Back()));

            case CaseStep.Complaint:
                return (t["step.complaint.filed_prompt"], Buttons.Column(B(t["button.filed"], CaseActions.Filed), Back()));

            case CaseStep.Refile:
                return (t["step.refile.filed_prompt"], Buttons.Column(B(t["button.filed_again"], CaseActions.Filed), Back()));

            case CaseStep.CheckBack:
            {
                var due = c.CheckBackDue is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ctx.User.TimeZone).DateTime) : ctx.Today;
                return (t.Get("step.checkback", ("filed", c.FiledOn), ("due", due), ("draft", new Html(Pre(Drafts.CheckBackRequest(c, t))))),
                    Buttons.Column(B(t["button.all_fine"], CaseActions.AllFine), B(t["button.something_missing"], CaseActions.Missing),
                        B(t["button.remind_later"], CaseActions.RemindLater), Back()));
            }

            case CaseStep.CheckBackLater:
                return (t.Get("step.checkback_later", ("example", DateExample())), new Buttons(
                [
                    [B(t["button.tomorrow"], CaseActions.InDays, 1), B(t.Plural("button.in_days", 3), CaseActions.InDays, 3)],
                    [Back()],
                ]));

            case CaseStep.CheckBackFix:
                return (t["step.checkback_fix"], Buttons.Column(B(t["button.fixed"], CaseActions.Continue), Back()));

            case CaseStep.DecisionDate:
                return (t.Get("step.decision_date", ("example", DateExample())), DayButtons(c, t, DecisionDays, Back()));

            case CaseStep.AwaitingDecision:
                return (t.Get("step.awaiting_decision", ("due", c.DecisionDue), ("draft", new Html(Pre(Drafts.AskForDecision(c, t))))),
                    new Buttons(
                    [
                        [B(t["button.accepted"], CaseActions.Accepted), B(t["button.rejected"], CaseActions.Rejected)],
                        [B(t["button.not_decided"], CaseActions.NotDecided)],
                        [Back()],
                    ]));

            case CaseStep.RefundAmount:
                return (t.Get("step.refund_amount", ("example", t["amount.example"])), Buttons.Column(B(t["button.skip"], CaseActions.Skip), Back()));

            case CaseStep.RefundDate:
                return (t.Get("step.refund_date", ("example", DateExample())), DayButtons(c, t, RefundDays, Back()));

            case CaseStep.AwaitingRefund:
                return (c.RefundAmount is { } amount
                        ? t.Get("step.awaiting_refund.amount", ("amount", amount), ("due", c.RefundDue))
                        : t.Get("step.awaiting_refund", ("due", c.RefundDue)),
                    Buttons.Column(B(t["button.money_arrived"], CaseActions.Yes), B(t["button.money_missing"], CaseActions.No), Back()));

            case CaseStep.Escalation:
                return (t.Get("step.escalation", ("consumer", new Html(t["escalation.consumer"]))), Buttons.Column(
                    B(t["button.file_once_more"], CaseActions.FileAgain),
                    B(t["button.close_case"], CaseActions.Close, (int)CaseOutcome.GaveUp),
                    Back()));

            default:
                return (t[$"step.closed.{c.Outcome}"], Buttons.Row(new Button(t["button.my_cases"], ButtonData.CaseList), new Button(t["button.new_case"], ButtonData.NewCase)));
        }
    }

    /// <summary>The numbered advice for this case: what the answered loss reasons say to do differently.</summary>
    public static string Advice(Case c, Localizer t, bool forRefiling)
    {
        var items = Enum.GetValues<LossReasons>()
            .Where(r => r != LossReasons.None && c.Reasons.HasFlag(r))
            .Select(r => t[$"advice.{r}"])
            .ToList();
        if (forRefiling)
        {
            items.Add(t["advice.refile.evidence"]);
            items.Add(t["advice.refile.polite"]);
        }

        if (items.Count == 0)
        {
            return t["case.advice.none"];
        }

        var list = string.Join("\n", items.Select((item, i) => $"{i + 1}. {item}"));
        return t.Get(forRefiling ? "step.refile.advice" : "case.advice", ("list", new Html(list)));
    }

    private static string Evidence(Case c, Localizer t)
    {
        var missing = EvidenceChecklist.Missing(c).ToList();
        if (missing.Count == 0)
        {
            return t["case.evidence.all_ready"];
        }

        var howTo = string.Join("\n", missing.Select(item => t.Get("case.evidence.how_line",
            ("item", new Html(t[$"evidence.label.{item}"])), ("how", new Html(t[$"evidence.how.{item}"])))));
        return t.Get("case.evidence", ("missing", new Html(howTo)));
    }

    private static string CompensationAdvice(Case c, Localizer t)
    {
        var rule = c.Problem is ProblemKind.NotReceived or ProblemKind.WrongItem
            ? t["compensation.rule.full"]
            : t["compensation.rule.depends"];
        if (c.Reasons.HasFlag(LossReasons.TooMuchAsked))
        {
            rule += "\n" + t["compensation.rule.asked_too_much"];
        }

        return t.Get("case.compensation", ("rule", new Html(rule)));
    }

    private static Buttons CompensationButtons(Case c, Localizer t, Button back) => Buttons.Column(
    [
        .. Enum.GetValues<Compensation>().Select(k => new Button(t[$"compensation.{k}"], ButtonData.ForCase(c, CaseActions.Choose, (int)k))),
        back,
    ]);

    private static Buttons DayButtons(Case c, Localizer t, int[] days, Button back)
    {
        var buttons = days.Select(d => new Button(t.Plural("button.in_days", d), ButtonData.ForCase(c, CaseActions.InDays, d))).ToList();
        return new Buttons([.. buttons.Chunk(3).Select(row => (IReadOnlyList<Button>)row), [back]]);
    }
}
