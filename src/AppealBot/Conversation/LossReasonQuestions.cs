namespace AppealBot.Conversation;

/// <summary>Which of the article's five reasons are worth asking about for this case, in the order they are asked.</summary>
internal static class LossReasonQuestions
{
    public static IReadOnlyList<LossReasons> For(Case @case)
    {
        var questions = new List<LossReasons> { LossReasons.UnclearDescription, LossReasons.NoEvidence };
        if (@case.Problem is not ProblemKind.NotReceived)
        {
            // A parcel that never arrived has no photos to be blurry and no defects to show.
            questions.Add(LossReasons.WeakEvidence);
            if (@case.Problem is ProblemKind.Damaged or ProblemKind.NotAsDescribed or ProblemKind.WrongItem)
            {
                questions.Add(LossReasons.DefectsNotShown);
            }

            // Asking too much only applies to a full refund without sending back an item that can still be used.
            if (@case.DisputeClaim is Compensation.FullRefund && @case.Problem is not ProblemKind.WrongItem)
            {
                questions.Add(LossReasons.TooMuchAsked);
            }
        }

        return questions;
    }
}
