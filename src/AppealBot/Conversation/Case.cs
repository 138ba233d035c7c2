namespace AppealBot.Conversation;

/// <summary>One lost dispute the user is recovering from: one order, its answers, its dates and where it stands.</summary>
internal sealed class Case
{
    public long Id { get; init; }

    public required long UserId { get; init; }

    /// <summary>The machine's state; read and written only through <see cref="CaseFlow"/>.</summary>
    public CaseStep Step { get; set; } = CaseStep.OrderNumber;

    public string? OrderNumber { get; set; }

    public ProblemKind? Problem { get; set; }

    /// <summary>The buyer's story: what happened, what the seller argued, why the dispute was closed.</summary>
    public CaseFacts Facts { get; set; } = new();

    /// <summary>How many of the case file's questions are behind the buyer (answered or skipped).</summary>
    public int FactsAnswered { get; set; }

    /// <summary>The fact being corrected, while the step is <see cref="CaseStep.EditFact"/>.</summary>
    public FactQuestion? Editing { get; set; }

    /// <summary>The step to go back to when the buyer has finished correcting facts or evidence.</summary>
    public CaseStep? ReturnStep { get; set; }

    public Compensation? DisputeClaim { get; set; }

    public Money? DisputeAmount { get; set; }

    public DateOnly? DisputeClosedOn { get; set; }

    /// <summary>How many of the loss-reason questions are answered, and which answers were "yes".</summary>
    public int ReasonsAnswered { get; set; }

    public LossReasons Reasons { get; set; }

    public EvidenceItems EvidenceReady { get; set; }

    public Compensation? Compensation { get; set; }

    public Money? CompensationAmount { get; set; }

    /// <summary>How many times a complaint was filed for this order (a rejected one may be filed again).</summary>
    public int Filings { get; set; }

    /// <summary>The evidence ticked when the latest complaint was filed: a refiling says "added" only for what is new.</summary>
    public EvidenceItems EvidenceFiled { get; set; }

    public DateOnly? FiledOn { get; set; }

    /// <summary>When to go back to the support chat and have the complaint checked (an instant, in UTC).</summary>
    public DateTimeOffset? CheckBackDue { get; set; }

    /// <summary>How many times the user came back and there was no decision yet.</summary>
    public int DecisionDelays { get; set; }

    public DateOnly? DecisionDue { get; set; }

    public int Rejections { get; set; }

    public Money? RefundAmount { get; set; }

    public DateOnly? RefundDue { get; set; }

    public CaseOutcome Outcome { get; set; } = CaseOutcome.Open;

    /// <summary>The user asked for no nudges about this case; any step forward ends the pause.</summary>
    public bool Paused { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the case last changed; set by storage when it saves a change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsClosed => Outcome is not CaseOutcome.Open;

    /// <summary>
    /// Where within its step the case is (the question of a questionnaire), so that a button shown for one question
    /// is stale at the next one although the step is the same.
    /// </summary>
    public int Position => Step switch
    {
        CaseStep.Facts => FactsAnswered,
        CaseStep.LossReasons => ReasonsAnswered,
        CaseStep.EditFact when Editing is { } question => (int)question,
        _ => 0,
    };

    /// <summary>The fact question the buyer is answering now, if any.</summary>
    public FactQuestion? CurrentQuestion => Step switch
    {
        CaseStep.Facts when FactQuestions.For(this) is var questions && FactsAnswered < questions.Count => questions[FactsAnswered],
        CaseStep.EditFact => Editing,
        CaseStep.Note => FactQuestion.Note,
        _ => null,
    };

    /// <summary>The next date the user has to act on, if any.</summary>
    public DateOnly? NextDue(TimeZoneInfo zone) => Step switch
    {
        CaseStep.CheckBack when CheckBackDue is { } due => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, zone).DateTime),
        CaseStep.AwaitingDecision => DecisionDue,
        CaseStep.AwaitingRefund => RefundDue,
        _ => null,
    };
}

/// <summary>Stored by name; the numbers travel in buttons, so new kinds are added at the end.</summary>
internal enum ProblemKind
{
    NotReceived,
    Damaged,
    NotAsDescribed,
    WrongItem,
    Other,
    Defective,
    MissingParts,
    Counterfeit,
}

internal enum Compensation
{
    FullRefund,
    PartialRefund,
    ReturnAndRefund,
}

internal static class Compensations
{
    /// <summary>What can be asked for this problem: a parcel that never came cannot be sent back.</summary>
    public static IReadOnlyList<Compensation> Fitting(ProblemKind? problem) => problem == ProblemKind.NotReceived
        ? [Compensation.FullRefund, Compensation.PartialRefund]
        : Enum.GetValues<Compensation>();
}

internal enum CaseOutcome
{
    Open,
    Won,
    GaveUp,
}

/// <summary>The article's five reasons a dispute is lost, as answered by the user ("yes, this happened").</summary>
[Flags]
internal enum LossReasons
{
    None = 0,
    UnclearDescription = 1,
    NoEvidence = 2,
    WeakEvidence = 4,
    DefectsNotShown = 8,
    TooMuchAsked = 16,
}

[Flags]
internal enum EvidenceItems
{
    None = 0,
    TrackingNumber = 1,
    TrackingScreenshot = 2,
    UnboxingVideo = 4,
    Photos = 8,
    Collage = 16,
    ListingScreenshots = 32,
    SellerChat = 64,
    CarrierStatement = 128,
    MeasurementPhotos = 256,
    NotWorkingVideo = 512,
    ParcelPhotos = 1024,
}

/// <summary>An amount the user typed, with its ISO currency code.</summary>
internal readonly record struct Money(decimal Amount, string Currency);
