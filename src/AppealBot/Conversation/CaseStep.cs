namespace AppealBot.Conversation;

/// <summary>
/// The states of a case, in the order of the article's process. Stored by name, so members may be
/// added or reordered, but never renamed without a migration.
/// </summary>
internal enum CaseStep
{
    // Preparation: what happened, why the dispute was lost, evidence, what to ask for.
    OrderNumber,
    Problem,
    DisputeClaim,
    DisputeAmount,
    ClosedDate,
    LossReasons,
    Advice,
    Evidence,
    Compensation,
    CompensationAmount,

    // The six recovery steps.
    Survey,
    SupportChat,
    Complaint,
    CheckBack,
    CheckBackLater,
    CheckBackFix,
    DecisionDate,
    AwaitingDecision,
    RefundAmount,
    RefundDate,
    AwaitingRefund,
    Refile,
    Escalation,

    Closed,
}

internal enum CaseTrigger
{
    Back,
    OrderNumberGiven,
    ProblemChosen,
    ClaimChosen,
    AmountGiven,
    ClosedDateGiven,
    ReasonAnswered,
    ReasonsDone,
    Continue,
    EvidenceToggled,
    CompensationChosen,
    Filed,
    AllFine,
    SomethingMissing,
    RemindLater,
    Snoozed,
    DecisionDateGiven,
    Accepted,
    Rejected,
    NotDecided,
    RefundDateGiven,
    MoneyArrived,
    MoneyMissing,
    FileAgain,
    Close,
}

internal static class CaseSteps
{
    public const int RecoverySteps = 6;

    /// <summary>Which of the article's six steps a state belongs to; 0 while the case is being prepared.</summary>
    public static int RecoveryStep(this CaseStep step) => step switch
    {
        CaseStep.Survey => 1,
        CaseStep.SupportChat => 2,
        CaseStep.Complaint or CaseStep.Refile => 3,
        CaseStep.CheckBack or CaseStep.CheckBackLater or CaseStep.CheckBackFix => 4,
        CaseStep.DecisionDate or CaseStep.AwaitingDecision => 5,
        CaseStep.RefundAmount or CaseStep.RefundDate or CaseStep.AwaitingRefund or CaseStep.Escalation => 6,
        _ => 0,
    };
}
