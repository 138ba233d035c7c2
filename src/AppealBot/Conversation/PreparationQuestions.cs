namespace AppealBot.Conversation;

/// <summary>How many questions of the preparation are still ahead, shown in its header so the buyer knows how long it takes.</summary>
internal static class PreparationQuestions
{
    /// <summary>The case file's questions before the problem is chosen: most problems ask three or four, then six common ones.</summary>
    private const int TypicalFacts = 9;

    /// <summary>
    /// The questions left, counting the current one, as far as the answers so far tell (a later answer may add a
    /// follow-up question, such as "since when?" for a stuck parcel).
    /// </summary>
    public static int Left(Case c)
    {
        var partialDispute = c.DisputeClaim == Compensation.PartialRefund ? 1 : 0;
        var partialNow = c.Compensation == Compensation.PartialRefund ? 1 : 0;
        var facts = c.Problem is null ? TypicalFacts : FactQuestions.For(c).Count;
        var reasons = LossReasonQuestions.For(c).Count;

        // The questions of each step in order; the current step counts from where the buyer is within it.
        (CaseStep Step, int Count)[] plan =
        [
            (CaseStep.OrderNumber, 1),
            (CaseStep.ClosedDate, 1),
            (CaseStep.Problem, 1),
            (CaseStep.Facts, facts),
            (CaseStep.DisputeClaim, 1),
            (CaseStep.DisputeAmount, partialDispute),
            (CaseStep.LossReasons, reasons),
            (CaseStep.Advice, 0),
            (CaseStep.Evidence, 1),
            (CaseStep.Compensation, 1),
            (CaseStep.CompensationAmount, partialNow),
            (CaseStep.Note, 1),
        ];
        var at = Array.FindIndex(plan, p => p.Step == c.Step);
        if (at < 0)
        {
            return 0;
        }

        var within = c.Step switch
        {
            CaseStep.Facts => Math.Min(c.FactsAnswered, facts),
            CaseStep.LossReasons => Math.Min(c.ReasonsAnswered, reasons),
            _ => 0,
        };
        return Math.Max(1, plan.Skip(at).Sum(p => p.Count) - within);
    }
}
