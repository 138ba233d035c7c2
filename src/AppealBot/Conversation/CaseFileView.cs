using System.Text;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>The case file on screen: one fact question with its buttons, the summary of what the buyer said, the correction menu.</summary>
internal static class CaseFileView
{
    /// <summary>The question and its buttons; <paramref name="back"/> ends the last row.</summary>
    public static (string Question, Buttons Buttons) Question(Case c, FactQuestion question, ConversationContext ctx, Button back)
    {
        var t = ctx.Texts;
        Button B(string label, string action, int? argument = null) => new(label, ButtonData.ForCase(c, action, argument));
        var text = t.Get($"fact.question.{question}",
            ("example", ctx.Today.ToString(t["format.date_input"], t.Culture)),
            ("max", FactQuestions.MaxLength(question)));
        var skip = B(t["button.skip"], CaseActions.Skip);
        switch (FactQuestions.Kind(question))
        {
            case AnswerKind.Choice:
                return (text, Buttons.Column(
                [
                    .. FactQuestions.Choices(question, c).Where(value => Offered(question, value, ctx))
                        .Select(value => B(ChoiceLabel(t, question, value), CaseActions.Choose, value)),
                    back,
                ]));
            case AnswerKind.Date when FactQuestions.DaysAgoChoices(question) is { Count: > 0 } ago:
                var when = ago.Select(days => B(t[$"fact.ago.{days}"], CaseActions.DaysAgo, days)).ToList();
                return (text, new Buttons([.. when.Chunk(2).Select(row => (IReadOnlyList<Button>)row), [skip, back]]));
            case AnswerKind.Toggles:
                return (text, Buttons.Column(
                [
                    .. FactQuestions.DifferencesFor(c.Problem).Select(d => B(
                        t.Get(c.Facts.Differences.HasFlag(d) ? "button.evidence.ready" : "button.evidence.missing", ("item", new Html(t[$"difference.{d}"]))),
                        CaseActions.Toggle, (int)d)),
                    B(t["button.done"], CaseActions.Continue),
                    back,
                ]));
            case AnswerKind.Days:
                var days = FactQuestions.FaultDays.Select(d => B(t.Plural("fact.days", d), CaseActions.InDays, d)).ToList();
                return (text, new Buttons([.. days.Chunk(3).Select(row => (IReadOnlyList<Button>)row), [skip], [back]]));
            default:
                return (text, Buttons.Row(skip, back));
        }
    }

    /// <summary>"Tracking: shows delivered" lines for every answered fact, then the ticked evidence.</summary>
    public static string Summary(Case c, Localizer t)
    {
        var lines = new StringBuilder(t["file.title"]);
        foreach (var question in FactQuestions.Editable(c).Where(q => FactQuestions.IsAnswered(c.Facts, q)))
        {
            lines.Append('\n').Append(t.Get("file.line", ("name", new Html(t[$"fact.name.{question}"])), ("value", new Html(Value(c, question, t)))));
        }

        var evidence = EvidenceChecklist.Ready(c);
        lines.Append('\n').Append(evidence.Count == 0
            ? t["file.no_evidence"]
            : t.Get("file.evidence", ("evidence", new Html(string.Join(", ", evidence.Select(i => Drafts.EvidenceShort(c, t, i)))))));
        return lines.ToString();
    }

    /// <summary>The correction menu: every fact of this case, and the evidence.</summary>
    public static (string Text, Buttons Buttons) Menu(Case c, Localizer t) => (
        Summary(c, t) + "\n\n" + t["file.edit_prompt"],
        Buttons.Column(
        [
            .. FactQuestions.Editable(c).Select(q => new Button(
                t.Get("button.edit_fact", ("name", new Html(t[$"fact.name.{q}"]))), ButtonData.ForCase(c, CaseActions.EditFact, (int)q))),
            new Button(t["button.edit_evidence"], ButtonData.ForCase(c, CaseActions.EditEvidence)),
            new Button(t["button.back"], ButtonData.ForCase(c, CaseActions.Back)),
        ]));

    /// <summary>What the buyer answered, as shown to them (HTML, user text escaped).</summary>
    public static string Value(Case c, FactQuestion question, Localizer t)
    {
        var f = c.Facts;
        string Text(string? value) => t.Format(value);
        return question switch
        {
            FactQuestion.Tracking => ChoiceLabel(t, question, (int)f.Tracking!.Value),
            FactQuestion.ParcelDamaged => ChoiceLabel(t, question, f.ParcelDamaged == true ? 1 : 0),
            FactQuestion.FaultStart => ChoiceLabel(t, question, (int)f.FaultStart!.Value),
            FactQuestion.SellerArgument => ChoiceLabel(t, question, (int)f.SellerArgument!.Value),
            FactQuestion.ClosingReason => ChoiceLabel(t, question, (int)f.ClosingReason!.Value),
            FactQuestion.Differences => string.Join(", ", FactQuestions.DifferencesFor(c.Problem).Where(d => f.Differences.HasFlag(d)).Select(d => t[$"difference.{d}"])),
            FactQuestion.StuckSince => t.Format(f.StuckSince),
            FactQuestion.PromisedBy => t.Format(f.PromisedBy),
            FactQuestion.FaultAfterDays => t.Plural("fact.days", f.FaultAfterDays ?? 0),
            FactQuestion.TrackingNumber => Text(f.TrackingNumber),
            FactQuestion.Ordered => Text(f.Ordered),
            FactQuestion.Received => Text(f.Received),
            FactQuestion.Damage => Text(f.Damage),
            FactQuestion.Fault => Text(f.Fault),
            FactQuestion.Missing => Text(f.Missing),
            FactQuestion.CounterfeitSigns => Text(f.CounterfeitSigns),
            FactQuestion.WhatHappened => Text(f.WhatHappened),
            FactQuestion.SellerArgumentText => Text(f.SellerArgumentText),
            FactQuestion.ClosingReasonText => Text(f.ClosingReasonText),
            FactQuestion.PaymentMethod => ChoiceLabel(t, question, (int)f.Payment!.Value),
            FactQuestion.Protection => ChoiceLabel(t, question, (int)f.Protection!.Value),
            FactQuestion.PaidOn => t.Get(f.PaidOnApproximate ? "file.date_about" : "file.date", ("date", f.PaidOn)),
            FactQuestion.DeliveredOn => t.Get(f.DeliveredOnApproximate ? "file.date_about" : "file.date", ("date", f.DeliveredOn)),
            _ => Text(f.Note),
        } + (question switch
        {
            FactQuestion.SellerArgument when f.SellerArgumentText is { } words => " — " + Text(words),
            FactQuestion.ClosingReason when f.ClosingReasonText is { } words => " — " + Text(words),
            _ => "",
        });
    }

    /// <summary>Mir and SBP are offered where the language or the time zone says Russia.</summary>
    private static bool Offered(FactQuestion question, int value, ConversationContext ctx) =>
        question != FactQuestion.PaymentMethod || value != (int)PaymentMethod.MirOrSbp
        || ctx.Country == BuyerCountry.Russia || ctx.User.Language == Language.Ru;

    private static string ChoiceLabel(Localizer t, FactQuestion question, int value) => question switch
    {
        FactQuestion.PaymentMethod => t[$"fact.PaymentMethod.{(PaymentMethod)value}"],
        FactQuestion.Protection => t[$"fact.Protection.{(ProtectionTimer)value}"],
        FactQuestion.Tracking => t[$"fact.Tracking.{(TrackingStatus)value}"],
        FactQuestion.ParcelDamaged => t[value == 1 ? "button.yes" : "button.no"],
        FactQuestion.FaultStart => t[$"fact.FaultStart.{(FaultStart)value}"],
        FactQuestion.SellerArgument => t[$"fact.SellerArgument.{(SellerArgument)value}"],
        _ => t[$"fact.ClosingReason.{(ClosingReason)value}"],
    };
}
