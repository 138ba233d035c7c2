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
    /// <param name="reveal">Show the answers to "what was decided?" before the day it can have happened (the buyer tapped "I have the answer").</param>
    public static CaseMessage Render(Case c, ConversationContext ctx, string? note = null, bool reveal = false)
    {
        var t = ctx.Texts;
        var body = new StringBuilder(Header(c, t));
        if (note is not null)
        {
            body.Append("\n\n").Append(note);
        }

        var (question, buttons) = Step(c, ctx, reveal);
        body.Append("\n\n").Append(question);
        return new CaseMessage(body.ToString(), buttons);
    }

    /// <summary>The problems in the order they are offered: the most common first, "something else" last.</summary>
    private static readonly ProblemKind[] Problems =
    [
        ProblemKind.NotReceived, ProblemKind.Damaged, ProblemKind.Defective, ProblemKind.NotAsDescribed,
        ProblemKind.WrongItem, ProblemKind.MissingParts, ProblemKind.Counterfeit, ProblemKind.Other,
    ];

    public static string Header(Case c, Localizer t)
    {
        var progress = c.Step == CaseStep.Closed ? t["progress.closed"] : Progress(c, t);
        return c.OrderNumber is null
            ? t.Get("case.header.new", ("progress", new Html(progress)))
            : t.Get("case.header", ("order", c.OrderNumber), ("progress", new Html(progress)));
    }

    /// <summary>"getting ready · 7 questions to go" or "step 3 of 6: complaint" (for a correction, the step it returns to).</summary>
    public static string Progress(Case c, Localizer t)
    {
        var shown = c.Step is CaseStep.EditFacts or CaseStep.EditFact or CaseStep.EditEvidence ? c.ReturnStep ?? c.Step : c.Step;
        if (shown == CaseStep.Escalation && c.Filings == 0)
        {
            // Reached because the appeal window passed, not after a decision: there is no "outcome" yet.
            return t["progress.routes"];
        }

        var step = shown.RecoveryStep();
        return step == 0
            ? t.Plural("progress.preparation", PreparationQuestions.Left(c))
            : t.Get("progress.step", ("n", step), ("total", CaseSteps.RecoverySteps), ("name", t[$"step.name.{step}"]));
    }

    /// <summary>
    /// The step in a few lines, for typed text the step does not read: what the step needs and its buttons, without
    /// the long texts and drafts already in the chat. Null for a step whose question is short anyway.
    /// </summary>
    public static CaseMessage? Brief(Case c, ConversationContext ctx, string note)
    {
        var t = ctx.Texts;
        if (!t.Has($"need.{c.Step}"))
        {
            return null;
        }

        var need = t.Get($"need.{c.Step}", ("next", NextLabel(c, t)));
        var (_, buttons) = Step(c, ctx, reveal: false);
        return new CaseMessage(Header(c, t) + "\n\n" + note + "\n" + need, buttons);
    }

    /// <summary>The label of the button that moves a long step on, for the brief "tap …" line.</summary>
    private static string NextLabel(Case c, Localizer t) => t[c.Step switch
    {
        CaseStep.Advice => "button.to_evidence",
        CaseStep.Evidence => "button.to_compensation",
        CaseStep.RefileEvidence => "button.to_new_complaint",
        CaseStep.EditEvidence => "button.done",
        CaseStep.Survey => "button.survey_done",
        CaseStep.SupportChat => "button.to_complaint",
        CaseStep.Complaint => "button.filed",
        CaseStep.Refile => "button.filed_again",
        CaseStep.CheckBackFix => "button.fixed",
        _ => "button.back",
    }];

    /// <summary>Where the case stands in one line, for /cases.</summary>
    public static string Summary(Case c, ConversationContext ctx)
    {
        var t = ctx.Texts;
        var where = c.Step == CaseStep.Closed ? t[$"cases.closed.{c.Outcome}"] : Progress(c, t);
        var due = c.NextDue(ctx.User.TimeZone);
        return due is { } date
            ? t.Get("cases.line.due", ("order", c.OrderNumber ?? "…"), ("where", new Html(where)), ("due", new Html(Day(date, ctx))))
            : t.Get("cases.line", ("order", c.OrderNumber ?? "…"), ("where", new Html(where)));
    }

    public static string Pre(string plainEscaped) => $"<pre>{plainEscaped}</pre>";

    /// <summary>A day the buyer acts on, as they would say it: "today", "tomorrow", "on 30 November"; a day gone by is "now".</summary>
    public static string Day(DateOnly day, ConversationContext ctx)
    {
        var t = ctx.Texts;
        var days = day.DayNumber - ctx.Today.DayNumber;
        return days switch
        {
            < 0 => t.Get("when.day.overdue", ("date", day)),
            0 => t["when.today"],
            1 => t["when.tomorrow"],
            _ => t.Get("when.day.on", ("date", day)),
        };
    }

    /// <summary>A day that has been, as the buyer would say it: "today", "yesterday", "on 25 November".</summary>
    public static string PastDay(DateOnly day, ConversationContext ctx)
    {
        var t = ctx.Texts;
        return (ctx.Today.DayNumber - day.DayNumber) switch
        {
            0 => t["when.today"],
            1 => t["when.yesterday"],
            _ => t.Get("when.day.on", ("date", day)),
        };
    }

    private static (string Question, Buttons? Buttons) Step(Case c, ConversationContext ctx, bool reveal)
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
                    [.. Problems.Select(p => B(t[$"problem.{p}"], CaseActions.Choose, (int)p)), Back()]));

            case CaseStep.Facts or CaseStep.Note when c.CurrentQuestion is { } question:
                return CaseFileView.Question(c, question, ctx, Back());

            case CaseStep.EditFact when c.CurrentQuestion is { } question:
            {
                var (ask, buttons) = CaseFileView.Question(c, question, ctx, Back());
                var now = FactQuestions.IsAnswered(c.Facts, question)
                    ? t.Get("file.now", ("value", new Html(CaseFileView.Value(c, question, t))))
                    : t["file.now_empty"];
                return (t.Get("file.editing", ("name", new Html(t[$"fact.name.{question}"]))) + "\n" + now + "\n\n" + ask, buttons);
            }

            case CaseStep.EditFacts:
                return CaseFileView.Menu(c, t);

            case CaseStep.EditEvidence:
                return (Evidence(c, t), EvidenceButtons(c, t, B(t["button.done"], CaseActions.Done)));

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
                return (DeadlineView.Plan(c, ctx) is { } plan ? plan + "\n\n" + Advice(c, t) : Advice(c, t),
                    Buttons.Column(B(t["button.to_evidence"], CaseActions.Continue), Back()));

            case CaseStep.Evidence:
                return (Evidence(c, t), EvidenceButtons(c, t, B(t["button.to_compensation"], CaseActions.Continue), Back()));

            case CaseStep.RejectionReason:
                return (t["step.rejection_reason"], Buttons.Column(
                [
                    .. FactQuestions.RejectionReasonsFor(c.Problem).Select(r => B(t[$"rejection.{r}"], CaseActions.Choose, (int)r)),
                    Back(),
                ]));

            case CaseStep.RejectionDetail:
                return (t.Get("step.rejection_detail", ("max", CaseFacts.MaxDetailLength)), Buttons.Row(B(t["button.skip"], CaseActions.Skip), Back()));

            case CaseStep.RefileEvidence:
                return (RefileAdvice(c, t) + "\n\n" + Evidence(c, t), EvidenceButtons(c, t,
                    B(t["button.to_new_complaint"], CaseActions.Continue), B(t["button.refiling_refused"], CaseActions.RefilingRefused), Back()));

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
                return (t["step.complaint.filed_prompt"], Buttons.Column(
                    B(t["button.filed"], CaseActions.Filed), B(t["button.edit_evidence"], CaseActions.EditEvidence), Back()));

            case CaseStep.Refile:
                return (t["step.refile.filed_prompt"], Buttons.Column(
                    B(t["button.filed_again"], CaseActions.Filed), B(t["button.edit_evidence"], CaseActions.EditEvidence),
                    B(t["button.refiling_refused"], CaseActions.RefilingRefused), Back()));

            case CaseStep.CheckBack:
            {
                var due = c.CheckBackDue is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ctx.User.TimeZone).DateTime) : ctx.Today;
                // Asked what the operator said only once they can have said it: from the check-back moment, or on request.
                var answerable = reveal || c.CheckBackDue is not { } moment || ctx.Now >= moment;
                var text = t.Get("step.checkback", ("filed", new Html(PastDay(c.FiledOn ?? ctx.Today, ctx))), ("due", new Html(Day(due, ctx))),
                    ("draft", new Html(Pre(Drafts.CheckBackRequest(c, t)))), ("question", new Html(answerable ? t["step.checkback.question"] : t.Get("step.checkback.wait", ("due", new Html(Day(due, ctx)))))));
                return (text, answerable
                    ? Buttons.Column(B(t["button.all_fine"], CaseActions.AllFine), B(t["button.something_missing"], CaseActions.Missing),
                        B(t["button.remind_later"], CaseActions.RemindLater), Back())
                    : Buttons.Column(B(t["button.have_answer"], CaseActions.Answer), B(t["button.remind_later"], CaseActions.RemindLater), Back()));
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

            case CaseStep.AwaitingDecision when !reveal && c.DecisionDue is { } decisionDue && decisionDue > ctx.Today:
                return (t.Get("step.awaiting_decision", ("due", new Html(Day(decisionDue, ctx))), ("draft", new Html(Pre(Drafts.AskForDecision(c, t)))),
                        ("question", new Html(t.Get("step.awaiting_decision.wait", ("due", new Html(Day(decisionDue, ctx))))))),
                    Buttons.Column(B(t["button.have_answer"], CaseActions.Answer), Back()));

            case CaseStep.AwaitingDecision:
                return (t.Get("step.awaiting_decision", ("due", new Html(Day(c.DecisionDue ?? ctx.Today, ctx))), ("draft", new Html(Pre(Drafts.AskForDecision(c, t)))),
                        ("question", new Html(t["step.awaiting_decision.question"]))),
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
            {
                // "Has the money arrived?" only from the day it is due; before that, a way to say it came early.
                var refundDue = c.RefundDue ?? ctx.Today;
                var early = !reveal && refundDue > ctx.Today;
                var due = new Html(Day(refundDue, ctx));
                var text = c.RefundAmount is { } amount
                    ? t.Get("step.awaiting_refund.amount", ("amount", amount), ("due", due))
                    : t.Get("step.awaiting_refund", ("due", due));
                return (text + " " + (early ? t.Get("step.awaiting_refund.wait", ("due", due)) : t["step.awaiting_refund.question"]), early
                    ? Buttons.Column(B(t["button.money_arrived_early"], CaseActions.Yes), Back())
                    : Buttons.Column(B(t["button.money_arrived"], CaseActions.Yes), B(t["button.money_missing"], CaseActions.No), Back()));
            }

            case CaseStep.Escalation:
            {
                var routes = Routes.For(c, ctx.Country, ctx.Deadlines, ctx.Today);
                var buttons = new List<Button>();
                if (routes.Contains(Route.PayPal))
                {
                    buttons.Add(B(t["button.paypal_text"], CaseActions.PayPalText));
                }

                if (routes.Contains(Route.Chargeback) || routes.Contains(Route.MirOrSbp))
                {
                    buttons.Add(B(t["button.bank_letter"], CaseActions.BankLetter));
                }

                buttons.Add(c.Filings == 0 ? B(t["button.try_support"], CaseActions.Continue) : B(t["button.file_once_more"], CaseActions.FileAgain));
                buttons.Add(B(t["button.close_case"], CaseActions.Close, (int)CaseOutcome.GaveUp));
                buttons.Add(Back());
                return (DeadlineView.Routes(c, ctx, routes), Buttons.Column([.. buttons]));
            }

            default:
                return (t[$"step.closed.{c.Outcome}"], new Buttons(
                [
                    [B(t["button.reopen"], CaseActions.Reopen)],
                    [new Button(t["button.my_cases"], ButtonData.CaseList), new Button(t["button.new_case"], ButtonData.NewCase)],
                ]));
        }
    }

    /// <summary>The numbered advice for this case: what the answered loss reasons say to do differently.</summary>
    public static string Advice(Case c, Localizer t)
    {
        var items = Enum.GetValues<LossReasons>()
            .Where(r => r != LossReasons.None && c.Reasons.HasFlag(r))
            .Select(r => t[$"advice.{r}"])
            .ToList();
        if (items.Count == 0)
        {
            return t["case.advice.none"];
        }

        // One piece of advice is a sentence, not a list of one.
        var list = items.Count == 1 ? items[0] : string.Join("\n", items.Select((item, i) => $"{i + 1}. {item}"));
        return t.Get("case.advice", ("list", new Html(list)));
    }

    /// <summary>What answers the reason the complaint was rejected, before the evidence checklist opens again.</summary>
    public static string RefileAdvice(Case c, Localizer t) =>
        t.Get("step.refile_evidence", ("advice", new Html(t[$"refile.advice.{c.Facts.RejectedBecause ?? RejectionReason.NoReasonGiven}"])));

    /// <summary>
    /// Said before the drafts when they would stand on nothing: no evidence at all, or, after a rejection for lack of
    /// evidence, nothing new since the last filing. Null when the drafts can go as they are.
    /// </summary>
    public static string? EvidenceWarning(Case c, Localizer t)
    {
        // Labels are button captions; inside a sentence they start lower case ("First get: unboxing video, …").
        var firstMissing = string.Join(", ", EvidenceChecklist.Missing(c).Where(i => i != EvidenceItems.Collage).Take(2)
            .Select(i => t[$"evidence.label.{i}"]).Select(label => char.ToLower(label[0], t.Culture) + label[1..]));
        if (!EvidenceChecklist.HasAny(c))
        {
            return t.Get("step.complaint.no_evidence", ("first", new Html(firstMissing)));
        }

        return c.Step == CaseStep.Refile && c.Facts.RejectedBecause == RejectionReason.NotEnoughEvidence
            && EvidenceChecklist.AddedSinceFiling(c).Count == 0 && firstMissing.Length > 0
            ? t.Get("step.refile.nothing_new", ("first", new Html(firstMissing)))
            : null;
    }

    private static string Evidence(Case c, Localizer t)
    {
        var missing = EvidenceChecklist.Missing(c).ToList();
        if (missing.Count == 0)
        {
            return t["case.evidence.all_ready"];
        }

        var howTo = string.Join("\n", missing.Select(item => t.Get("case.evidence.how_line",
            ("item", new Html(t[$"evidence.label.{item}"])), ("how", new Html(Drafts.EvidenceText(c, t, "how", item))))));
        return t.Get("case.evidence", ("missing", new Html(howTo)));
    }

    private static Buttons EvidenceButtons(Case c, Localizer t, params Button[] last) => Buttons.Column(
    [
        .. EvidenceChecklist.For(c).Select(item => new Button(
            t.Get(c.EvidenceReady.HasFlag(item) ? "button.evidence.ready" : "button.evidence.missing", ("item", new Html(t[$"evidence.label.{item}"]))),
            ButtonData.ForCase(c, CaseActions.Toggle, (int)item))),
        .. last,
    ]);

    private static string CompensationAdvice(Case c, Localizer t)
    {
        var rule = c.Problem is ProblemKind.NotReceived or ProblemKind.WrongItem or ProblemKind.Counterfeit
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
        .. Compensations.Fitting(c.Problem).Select(k => new Button(t[$"compensation.{k}"], ButtonData.ForCase(c, CaseActions.Choose, (int)k))),
        back,
    ]);

    private static Buttons DayButtons(Case c, Localizer t, int[] days, Button back)
    {
        var buttons = days.Select(d => new Button(d == 1 ? t["button.tomorrow"] : t.Plural("button.in_days", d), ButtonData.ForCase(c, CaseActions.InDays, d))).ToList();
        return new Buttons([.. buttons.Chunk(3).Select(row => (IReadOnlyList<Button>)row), [back]]);
    }
}
