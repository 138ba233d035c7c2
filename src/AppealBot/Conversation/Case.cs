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

    /// <summary>The next date the user has to act on, if any.</summary>
    public DateOnly? NextDue(TimeZoneInfo zone) => Step switch
    {
        CaseStep.CheckBack when CheckBackDue is { } due => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, zone).DateTime),
        CaseStep.AwaitingDecision => DecisionDue,
        CaseStep.AwaitingRefund => RefundDue,
        _ => null,
    };
}

internal enum ProblemKind
{
    NotReceived,
    Damaged,
    NotAsDescribed,
    WrongItem,
    Other,
}

internal enum Compensation
{
    FullRefund,
    PartialRefund,
    ReturnAndRefund,
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
}

/// <summary>An amount the user typed, with its ISO currency code.</summary>
internal readonly record struct Money(decimal Amount, string Currency);
