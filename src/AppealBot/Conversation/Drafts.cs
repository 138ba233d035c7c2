using System.Text;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>
/// The texts the buyer pastes into AliExpress: short, main problem first, numbered points, evidence
/// listed, compensation stated. Plain text (user values escaped), meant to sit inside a &lt;pre&gt; block.
/// </summary>
internal static class Drafts
{
    public static string Survey(Case c, Localizer t) => t.Get("draft.survey", ("order", c.OrderNumber));

    public static string Opening(Case c, Localizer t)
    {
        var ready = EvidenceChecklist.Ready(c).ToList();
        return ready.Count == 0
            ? t.Get("draft.opening.no_evidence", ("order", c.OrderNumber), ("problem", new Html(t[$"draft.problem_short.{Problem(c)}"])))
            : t.Get("draft.opening", ("order", c.OrderNumber), ("problem", new Html(t[$"draft.problem_short.{Problem(c)}"])),
                ("evidence", new Html(string.Join(", ", ready.Select(i => t[$"evidence.short.{i}"])))));
    }

    public static string CheckBackRequest(Case c, Localizer t) =>
        t.Get("draft.checkback", ("order", c.OrderNumber), ("filed", c.FiledOn));

    public static string AskForDecision(Case c, Localizer t) =>
        t.Get("draft.ask_decision", ("order", c.OrderNumber), ("filed", c.FiledOn), ("due", c.DecisionDue));

    public static string SpeedUp(Case c, Localizer t) =>
        t.Get("draft.speed_up", ("order", c.OrderNumber), ("filed", c.FiledOn));

    public static string Complaint(Case c, Localizer t)
    {
        var text = new StringBuilder();
        text.Append(t.Get($"draft.complaint.main.{Problem(c)}", ("order", c.OrderNumber))).Append("\n\n");

        var points = new List<string>();
        if (c.DisputeClosedOn is { } closed)
        {
            points.Add(t.Get("draft.complaint.point.closed", ("closed", closed)));
        }

        // Only claim that evidence shows the problem when the buyer has some; a lost parcel speaks for itself.
        if (c.Problem == ProblemKind.NotReceived || EvidenceChecklist.Ready(c).Any())
        {
            points.Add(t[$"draft.complaint.point.{Problem(c)}"]);
        }

        if (c.Rejections > 0)
        {
            points.Add(t["draft.complaint.point.repeat"]);
        }

        for (var i = 0; i < points.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(points[i]).Append('\n');
        }

        var evidence = EvidenceChecklist.Ready(c).ToList();
        if (evidence.Count == 0)
        {
            evidence = [.. EvidenceChecklist.For(c.Problem)];
        }

        text.Append('\n').Append(t["draft.complaint.evidence"]).Append('\n');
        foreach (var item in evidence)
        {
            text.Append("- ").Append(t[$"evidence.short.{item}"]).Append('\n');
        }

        text.Append('\n').Append(Ask(c, t));
        return text.ToString();
    }

    private static string Ask(Case c, Localizer t) => c.Compensation switch
    {
        Compensation.PartialRefund when c.CompensationAmount is { } amount => t.Get("draft.complaint.ask.PartialRefund", ("amount", t.Money(amount))),
        Compensation.PartialRefund => t["draft.complaint.ask.PartialRefundUnspecified"],
        Compensation.ReturnAndRefund => t["draft.complaint.ask.ReturnAndRefund"],
        _ => t["draft.complaint.ask.FullRefund"],
    };

    private static ProblemKind Problem(Case c) => c.Problem ?? ProblemKind.Other;
}
