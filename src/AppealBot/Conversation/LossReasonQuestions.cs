namespace AppealBot.Conversation;

/// <summary>
/// Which of the article's five reasons are worth asking about for this case, in the order they are asked. The list
/// depends only on answers given earlier in it, so stepping back one question always lands where the buyer was.
/// </summary>
internal static class LossReasonQuestions
{
    public static IReadOnlyList<LossReasons> For(Case @case)
    {
        var questions = new List<LossReasons> { LossReasons.UnclearDescription };
        if (@case.Problem is ProblemKind.NotReceived)
        {
            // Without a tracking number there is nothing to ask about it; a parcel that never came has no photos to be blurry.
            if (@case.Facts.Tracking is not TrackingStatus.NoTrackingNumber)
            {
                questions.Add(LossReasons.NoEvidence);
            }

            return questions;
        }

        questions.Add(LossReasons.NoEvidence);
        if (!@case.Reasons.HasFlag(LossReasons.NoEvidence))
        {
            // Only evidence that was there can have been unclear or incomplete.
            questions.Add(LossReasons.WeakEvidence);
            if (@case.Problem is not ProblemKind.Other)
            {
                questions.Add(LossReasons.DefectsNotShown);
            }
        }

        // Asking too much only applies to a full refund without sending back an item that can still be used.
        if (@case.DisputeClaim is Compensation.FullRefund
            && @case.Problem is not (ProblemKind.WrongItem or ProblemKind.Counterfeit or ProblemKind.MissingParts))
        {
            questions.Add(LossReasons.TooMuchAsked);
        }

        return questions;
    }

    /// <summary>
    /// Whether a "yes" means the reason applies. Questions are asked positively ("Did you attach photos?"), so for most
    /// of them it is "no" that points at the reason.
    /// </summary>
    public static bool Applies(LossReasons reason, bool yes) => reason == LossReasons.TooMuchAsked ? yes : !yes;
}
