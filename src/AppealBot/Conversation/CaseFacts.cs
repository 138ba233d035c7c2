namespace AppealBot.Conversation;

/// <summary>
/// The buyer's own story of one case, as they told it: each property is one answer, null (or none) when it was
/// not asked or was skipped. Every sentence of a draft is built from one of these; a fact not given makes no
/// sentence. Typed details are kept verbatim.
/// </summary>
internal sealed class CaseFacts
{
    /// <summary>The longest typed detail; one line on a phone, and short enough that every draft stays within Telegram's limits.</summary>
    public const int MaxDetailLength = 200;

    public const int MaxNoteLength = 300;

    public TrackingStatus? Tracking { get; set; }

    /// <summary>The day the tracking stopped moving (only with <see cref="TrackingStatus.Stuck"/>).</summary>
    public DateOnly? StuckSince { get; set; }

    public string? TrackingNumber { get; set; }

    /// <summary>The delivery date the order promised.</summary>
    public DateOnly? PromisedBy { get; set; }

    /// <summary>How the item differs from what was ordered or described.</summary>
    public Differences Differences { get; set; }

    public string? Ordered { get; set; }

    public string? Received { get; set; }

    /// <summary>What is damaged, in the buyer's words.</summary>
    public string? Damage { get; set; }

    public bool? ParcelDamaged { get; set; }

    /// <summary>What does not work, in the buyer's words.</summary>
    public string? Fault { get; set; }

    public FaultStart? FaultStart { get; set; }

    /// <summary>How many days after delivery it stopped working (only with <see cref="Conversation.FaultStart.Later"/>).</summary>
    public int? FaultAfterDays { get; set; }

    /// <summary>What was missing from the parcel, in the buyer's words.</summary>
    public string? Missing { get; set; }

    /// <summary>What shows the item is not genuine, in the buyer's words.</summary>
    public string? CounterfeitSigns { get; set; }

    /// <summary>What happened, in the buyer's words, when the problem is none of the listed kinds.</summary>
    public string? WhatHappened { get; set; }

    public SellerArgument? SellerArgument { get; set; }

    /// <summary>The seller's argument in the buyer's words (with <see cref="Conversation.SellerArgument.Other"/>).</summary>
    public string? SellerArgumentText { get; set; }

    public ClosingReason? ClosingReason { get; set; }

    /// <summary>AliExpress's reason in the buyer's words (with <see cref="Conversation.ClosingReason.Other"/>).</summary>
    public string? ClosingReasonText { get; set; }

    public PaymentMethod? Payment { get; set; }

    public DateOnly? PaidOn { get; set; }

    /// <summary>The buyer gave the payment date roughly ("about a month ago"): deadlines from it are approximate too.</summary>
    public bool PaidOnApproximate { get; set; }

    /// <summary>The day the item was delivered (for a parcel that never came: the day the tracking says it was).</summary>
    public DateOnly? DeliveredOn { get; set; }

    public bool DeliveredOnApproximate { get; set; }

    /// <summary>Whether the order page still shows Buyer Protection running, as the buyer sees it.</summary>
    public ProtectionTimer? Protection { get; set; }

    /// <summary>Anything else support should know, in the buyer's words.</summary>
    public string? Note { get; set; }

    /// <summary>Why the latest complaint was rejected, as the buyer was told.</summary>
    public RejectionReason? RejectedBecause { get; set; }

    public string? RejectedBecauseText { get; set; }

    /// <summary>
    /// Forgets what belongs to one kind of problem, so a case whose problem changed keeps no answer about another (how and
    /// when the buyer paid stays: it does not depend on the problem).
    /// </summary>
    public void ForgetProblemDetails()
    {
        Tracking = null;
        StuckSince = null;
        TrackingNumber = null;
        PromisedBy = null;
        Differences = Differences.None;
        Ordered = null;
        Received = null;
        Damage = null;
        ParcelDamaged = null;
        Fault = null;
        FaultStart = null;
        FaultAfterDays = null;
        Missing = null;
        CounterfeitSigns = null;
        WhatHappened = null;
        SellerArgument = null;
        SellerArgumentText = null;
        ClosingReason = null;
        ClosingReasonText = null;
        DeliveredOn = null;
        DeliveredOnApproximate = false;
    }
}

/// <summary>How the buyer paid; it decides which routes outside AliExpress exist (PayPal, a bank's chargeback).</summary>
internal enum PaymentMethod
{
    Card,
    MirOrSbp,
    PayPal,
    Balance,
    Other,
}

internal enum ProtectionTimer
{
    Running,
    Over,
    DontKnow,
}

/// <summary>What the parcel's tracking shows, as the buyer sees it.</summary>
internal enum TrackingStatus
{
    Delivered,
    Stuck,
    ReturnedToSender,
    NoUpdates,
    NoTrackingNumber,
}

[Flags]
internal enum Differences
{
    None = 0,
    OtherItem = 1,
    Colour = 2,
    Size = 4,
    Model = 8,
    Quantity = 16,
    Material = 32,
    Features = 64,
}

internal enum FaultStart
{
    FromTheStart,
    Later,
}

/// <summary>What the seller argued in the dispute.</summary>
internal enum SellerArgument
{
    AsDescribed,
    DeliveredPerTracking,
    BuyerCausedDamage,
    NoEvidence,
    OfferedPartialRefund,
    NoAnswer,
    Other,
    DontKnow,
}

/// <summary>The reason AliExpress gave for closing the dispute in the seller's favour.</summary>
internal enum ClosingReason
{
    NotEnoughEvidence,
    TrackingShowsDelivered,
    SellerEvidence,
    ResponseTimeout,
    NoReasonGiven,
    Other,
}

/// <summary>Why a complaint was rejected, as the buyer was told.</summary>
internal enum RejectionReason
{
    NotEnoughEvidence,
    SellerEvidenceBelieved,
    DeliveryConfirmed,
    TooLate,
    NoReasonGiven,
    Other,
}
