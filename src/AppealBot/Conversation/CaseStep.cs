namespace AppealBot.Conversation;

/// <summary>
/// The states of a case. Stored by name; their numbers travel in buttons' data, so a new state is added at the end
/// (a button already in a chat keeps meaning the step it was made for).
/// </summary>
internal enum CaseStep
{
    // Preparation: what happened (the case file), why the dispute was lost, evidence, what to ask for.
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

    // The case file's questions (after Problem), and the last preparation question (after Compensation).
    Facts,
    Note,

    // After a rejection: why, then the evidence that answers it, before Refile.
    RejectionReason,
    RejectionDetail,
    RefileEvidence,

    // Correcting the case file later, from /status; then back to the step the case was at.
    EditFacts,
    EditFact,
    EditEvidence,
}

internal enum CaseTrigger
{
    Back,
    OrderNumberGiven,
    ProblemChosen,
    FactAnswered,
    FactsDone,
    ClaimChosen,
    AmountGiven,
    ClosedDateGiven,
    ReasonAnswered,
    ReasonsDone,
    Continue,
    EvidenceToggled,
    CompensationChosen,
    NoteGiven,
    Filed,
    AllFine,
    SomethingMissing,
    RemindLater,
    Snoozed,
    DecisionDateGiven,
    Accepted,
    Rejected,
    RejectionExplained,
    RejectionToType,
    NotDecided,
    RefundDateGiven,
    MoneyArrived,
    MoneyMissing,
    FileAgain,
    RefilingRefused,
    EditFacts,
    EditFact,
    EditEvidence,
    EditDone,
    Close,
    Reopen,
}

internal static class CaseSteps
{
    public const int RecoverySteps = 6;

    /// <summary>Which of the article's six steps a state belongs to; 0 while the case is being prepared.</summary>
    public static int RecoveryStep(this CaseStep step) => step switch
    {
        CaseStep.Survey => 1,
        CaseStep.SupportChat => 2,
        CaseStep.Complaint or CaseStep.RefileEvidence or CaseStep.Refile => 3,
        CaseStep.CheckBack or CaseStep.CheckBackLater or CaseStep.CheckBackFix => 4,
        CaseStep.DecisionDate or CaseStep.AwaitingDecision => 5,
        CaseStep.RefundAmount or CaseStep.RefundDate or CaseStep.AwaitingRefund or CaseStep.RejectionReason or CaseStep.RejectionDetail
            or CaseStep.Escalation => 6,
        _ => 0,
    };

    /// <summary>Steps from which the buyer may open the case file to correct it: after the preparation, while the case is open.</summary>
    public static bool AllowsEditing(this CaseStep step) => step.RecoveryStep() > 0;
}
