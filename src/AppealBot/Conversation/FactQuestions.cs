namespace AppealBot.Conversation;

/// <summary>One question of the case file: what happened, what the seller argued, why AliExpress closed the dispute.</summary>
internal enum FactQuestion
{
    Tracking,
    StuckSince,
    TrackingNumber,
    PromisedBy,
    Differences,
    Ordered,
    Received,
    Damage,
    ParcelDamaged,
    Fault,
    FaultStart,
    FaultAfterDays,
    Missing,
    CounterfeitSigns,
    WhatHappened,
    SellerArgument,
    SellerArgumentText,
    ClosingReason,
    ClosingReasonText,
    Note,
    PaymentMethod,
    PaidOn,
    DeliveredOn,
    Protection,
}

/// <summary>How a fact question is answered.</summary>
internal enum AnswerKind
{
    /// <summary>One button of several.</summary>
    Choice,

    /// <summary>Any number of buttons, then "Done".</summary>
    Toggles,

    /// <summary>A short typed line, or "Skip".</summary>
    Text,

    /// <summary>A typed date, or "Skip".</summary>
    Date,

    /// <summary>A number of days (buttons or typed), or "Skip".</summary>
    Days,
}

/// <summary>
/// Which fact questions a case asks, in order, and how each is answered. The list depends only on answers given
/// earlier in it (the problem, then each answer for the questions after it), so stepping back one question at a
/// time always lands where the buyer was.
/// </summary>
internal static class FactQuestions
{
    public static readonly int[] FaultDays = [1, 3, 7, 14, 30];

    /// <summary>The questions asked while preparing this case, after the problem and before the dispute claim.</summary>
    public static IReadOnlyList<FactQuestion> For(Case c)
    {
        var f = c.Facts;
        var questions = new List<FactQuestion>();
        switch (c.Problem)
        {
            case ProblemKind.NotReceived:
                questions.Add(FactQuestion.Tracking);
                if (f.Tracking == TrackingStatus.Stuck)
                {
                    questions.Add(FactQuestion.StuckSince);
                }

                if (f.Tracking != TrackingStatus.NoTrackingNumber)
                {
                    questions.Add(FactQuestion.TrackingNumber);
                }

                questions.Add(FactQuestion.PromisedBy);
                break;
            case ProblemKind.NotAsDescribed or ProblemKind.WrongItem:
                questions.AddRange([FactQuestion.Differences, FactQuestion.Ordered, FactQuestion.Received]);
                break;
            case ProblemKind.Damaged:
                questions.AddRange([FactQuestion.Damage, FactQuestion.ParcelDamaged]);
                break;
            case ProblemKind.Defective:
                questions.AddRange([FactQuestion.Fault, FactQuestion.FaultStart]);
                if (f.FaultStart == FaultStart.Later)
                {
                    questions.Add(FactQuestion.FaultAfterDays);
                }

                break;
            case ProblemKind.MissingParts:
                questions.Add(FactQuestion.Missing);
                break;
            case ProblemKind.Counterfeit:
                questions.Add(FactQuestion.CounterfeitSigns);
                break;
            default:
                questions.Add(FactQuestion.WhatHappened);
                break;
        }

        questions.Add(FactQuestion.SellerArgument);
        if (f.SellerArgument == SellerArgument.Other)
        {
            questions.Add(FactQuestion.SellerArgumentText);
        }

        questions.Add(FactQuestion.ClosingReason);
        if (f.ClosingReason == ClosingReason.Other)
        {
            questions.Add(FactQuestion.ClosingReasonText);
        }

        // The dates the deadlines outside AliExpress count from.
        questions.AddRange([FactQuestion.PaymentMethod, FactQuestion.PaidOn]);
        if (c.Problem is not ProblemKind.NotReceived || f.Tracking is TrackingStatus.Delivered)
        {
            questions.Add(FactQuestion.DeliveredOn);
        }

        questions.Add(FactQuestion.Protection);
        return questions;
    }

    /// <summary>The questions a buyer may correct later (/status → edit): those of this case, and the closing note.</summary>
    public static IReadOnlyList<FactQuestion> Editable(Case c) =>
        [.. For(c).Where(q => q is not (FactQuestion.SellerArgumentText or FactQuestion.ClosingReasonText)), FactQuestion.Note];

    /// <summary>The question an answer opens (since when it is stuck, the seller's words …), if it opens one.</summary>
    public static FactQuestion? FollowUp(Case c, FactQuestion question) => question switch
    {
        FactQuestion.Tracking when c.Facts.Tracking == TrackingStatus.Stuck => FactQuestion.StuckSince,
        FactQuestion.FaultStart when c.Facts.FaultStart == FaultStart.Later => FactQuestion.FaultAfterDays,
        FactQuestion.SellerArgument when c.Facts.SellerArgument == SellerArgument.Other => FactQuestion.SellerArgumentText,
        FactQuestion.ClosingReason when c.Facts.ClosingReason == ClosingReason.Other => FactQuestion.ClosingReasonText,
        _ => null,
    };

    public static AnswerKind Kind(FactQuestion question) => question switch
    {
        FactQuestion.Tracking or FactQuestion.ParcelDamaged or FactQuestion.FaultStart
            or FactQuestion.SellerArgument or FactQuestion.ClosingReason or FactQuestion.PaymentMethod or FactQuestion.Protection => AnswerKind.Choice,
        FactQuestion.Differences => AnswerKind.Toggles,
        FactQuestion.StuckSince or FactQuestion.PromisedBy or FactQuestion.PaidOn or FactQuestion.DeliveredOn => AnswerKind.Date,
        FactQuestion.FaultAfterDays => AnswerKind.Days,
        _ => AnswerKind.Text,
    };

    /// <summary>The longest answer a typed question takes.</summary>
    public static int MaxLength(FactQuestion question) =>
        question == FactQuestion.Note ? CaseFacts.MaxNoteLength : CaseFacts.MaxDetailLength;

    /// <summary>The choices of a choice question, for this case (only the seller arguments and reasons that fit its problem).</summary>
    public static IReadOnlyList<int> Choices(FactQuestion question, Case c) => question switch
    {
        FactQuestion.Tracking => Values<TrackingStatus>(),
        FactQuestion.ParcelDamaged => [1, 0],
        FactQuestion.FaultStart => Values<FaultStart>(),
        FactQuestion.SellerArgument => [.. Enum.GetValues<SellerArgument>().Where(a => Fits(a, c.Problem)).Select(a => (int)a)],
        FactQuestion.ClosingReason => [.. Enum.GetValues<ClosingReason>().Where(r => Fits(r, c.Problem)).Select(r => (int)r)],
        FactQuestion.PaymentMethod => Values<PaymentMethod>(),
        FactQuestion.Protection => Values<ProtectionTimer>(),
        _ => [],
    };

    /// <summary>The differences a buyer can tick for this problem.</summary>
    public static IReadOnlyList<Differences> DifferencesFor(ProblemKind? problem) => problem == ProblemKind.WrongItem
        ? [Differences.OtherItem, Differences.Colour, Differences.Size, Differences.Model, Differences.Quantity]
        : [Differences.Colour, Differences.Size, Differences.Model, Differences.Material, Differences.Features, Differences.Quantity];

    /// <summary>The reasons a complaint about this problem may have been rejected for.</summary>
    public static IReadOnlyList<RejectionReason> RejectionReasonsFor(ProblemKind? problem) =>
        [.. Enum.GetValues<RejectionReason>().Where(r => r != RejectionReason.DeliveryConfirmed || problem is ProblemKind.NotReceived)];

    /// <summary>Records a choice; false when it is not one of the question's choices.</summary>
    public static bool TryChoose(Case c, FactQuestion question, int value)
    {
        if (!Choices(question, c).Contains(value))
        {
            return false;
        }

        var f = c.Facts;
        switch (question)
        {
            case FactQuestion.Tracking:
                f.Tracking = (TrackingStatus)value;
                if (f.Tracking != TrackingStatus.Stuck)
                {
                    f.StuckSince = null;
                }

                if (f.Tracking == TrackingStatus.NoTrackingNumber)
                {
                    f.TrackingNumber = null;
                }

                break;
            case FactQuestion.ParcelDamaged:
                f.ParcelDamaged = value == 1;
                break;
            case FactQuestion.FaultStart:
                f.FaultStart = (FaultStart)value;
                if (f.FaultStart != FaultStart.Later)
                {
                    f.FaultAfterDays = null;
                }

                break;
            case FactQuestion.SellerArgument:
                f.SellerArgument = (SellerArgument)value;
                if (f.SellerArgument != SellerArgument.Other)
                {
                    f.SellerArgumentText = null;
                }

                break;
            case FactQuestion.ClosingReason:
                f.ClosingReason = (ClosingReason)value;
                if (f.ClosingReason != ClosingReason.Other)
                {
                    f.ClosingReasonText = null;
                }

                break;
            case FactQuestion.PaymentMethod:
                f.Payment = (PaymentMethod)value;
                break;
            case FactQuestion.Protection:
                f.Protection = (ProtectionTimer)value;
                break;
        }

        return true;
    }

    public static bool TryToggle(Case c, FactQuestion question, int flag)
    {
        if (question != FactQuestion.Differences || !DifferencesFor(c.Problem).Contains((Differences)flag))
        {
            return false;
        }

        c.Facts.Differences ^= (Differences)flag;
        return true;
    }

    /// <summary>Records a typed line (already checked for length), or forgets the answer when <paramref name="text"/> is null.</summary>
    public static void SetText(Case c, FactQuestion question, string? text)
    {
        var f = c.Facts;
        switch (question)
        {
            case FactQuestion.TrackingNumber: f.TrackingNumber = text; break;
            case FactQuestion.Ordered: f.Ordered = text; break;
            case FactQuestion.Received: f.Received = text; break;
            case FactQuestion.Damage: f.Damage = text; break;
            case FactQuestion.Fault: f.Fault = text; break;
            case FactQuestion.Missing: f.Missing = text; break;
            case FactQuestion.CounterfeitSigns: f.CounterfeitSigns = text; break;
            case FactQuestion.WhatHappened: f.WhatHappened = text; break;
            case FactQuestion.SellerArgumentText: f.SellerArgumentText = text; break;
            case FactQuestion.ClosingReasonText: f.ClosingReasonText = text; break;
            case FactQuestion.Note: f.Note = text; break;
        }
    }

    /// <param name="approximate">The buyer said it roughly ("about two weeks ago").</param>
    public static void SetDate(Case c, FactQuestion question, DateOnly? date, bool approximate = false)
    {
        var f = c.Facts;
        switch (question)
        {
            case FactQuestion.StuckSince: f.StuckSince = date; break;
            case FactQuestion.PromisedBy: f.PromisedBy = date; break;
            case FactQuestion.PaidOn:
                f.PaidOn = date;
                f.PaidOnApproximate = date is not null && approximate;
                break;
            case FactQuestion.DeliveredOn:
                f.DeliveredOn = date;
                f.DeliveredOnApproximate = date is not null && approximate;
                break;
        }
    }

    /// <summary>The "… ago" buttons of a date question, in days, for dates people rarely remember exactly.</summary>
    public static IReadOnlyList<int> DaysAgoChoices(FactQuestion question) => question switch
    {
        FactQuestion.PaidOn => [7, 14, 30, 60, 90],
        FactQuestion.DeliveredOn => [0, 1, 7, 14, 30],
        _ => [],
    };

    public static void SetDays(Case c, int? days) => c.Facts.FaultAfterDays = days;

    /// <summary>Forgets the answer to a question the buyer skipped (a choice question keeps what it had).</summary>
    public static void Skip(Case c, FactQuestion question)
    {
        switch (Kind(question))
        {
            case AnswerKind.Text: SetText(c, question, null); break;
            case AnswerKind.Date: SetDate(c, question, null); break;
            case AnswerKind.Days: SetDays(c, null); break;
        }
    }

    /// <summary>Whether the question holds an answer (a skipped one does not).</summary>
    public static bool IsAnswered(CaseFacts f, FactQuestion question) => question switch
    {
        FactQuestion.Tracking => f.Tracking is not null,
        FactQuestion.StuckSince => f.StuckSince is not null,
        FactQuestion.TrackingNumber => f.TrackingNumber is not null,
        FactQuestion.PromisedBy => f.PromisedBy is not null,
        FactQuestion.Differences => f.Differences != Differences.None,
        FactQuestion.Ordered => f.Ordered is not null,
        FactQuestion.Received => f.Received is not null,
        FactQuestion.Damage => f.Damage is not null,
        FactQuestion.ParcelDamaged => f.ParcelDamaged is not null,
        FactQuestion.Fault => f.Fault is not null,
        FactQuestion.FaultStart => f.FaultStart is not null,
        FactQuestion.FaultAfterDays => f.FaultAfterDays is not null,
        FactQuestion.Missing => f.Missing is not null,
        FactQuestion.CounterfeitSigns => f.CounterfeitSigns is not null,
        FactQuestion.WhatHappened => f.WhatHappened is not null,
        FactQuestion.SellerArgument => f.SellerArgument is not null,
        FactQuestion.SellerArgumentText => f.SellerArgumentText is not null,
        FactQuestion.ClosingReason => f.ClosingReason is not null,
        FactQuestion.ClosingReasonText => f.ClosingReasonText is not null,
        FactQuestion.PaymentMethod => f.Payment is not null,
        FactQuestion.PaidOn => f.PaidOn is not null,
        FactQuestion.DeliveredOn => f.DeliveredOn is not null,
        FactQuestion.Protection => f.Protection is not null,
        _ => f.Note is not null,
    };

    private static bool Fits(SellerArgument argument, ProblemKind? problem) => argument switch
    {
        SellerArgument.AsDescribed => problem is not ProblemKind.NotReceived,
        SellerArgument.DeliveredPerTracking => problem is ProblemKind.NotReceived,
        SellerArgument.BuyerCausedDamage => problem is ProblemKind.Damaged or ProblemKind.Defective,
        _ => true,
    };

    private static bool Fits(ClosingReason reason, ProblemKind? problem) =>
        reason != ClosingReason.TrackingShowsDelivered || problem is ProblemKind.NotReceived;

    private static int[] Values<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))];
}
