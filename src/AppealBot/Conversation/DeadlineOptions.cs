namespace AppealBot.Conversation;

/// <summary>
/// The windows that close on a buyer, from the domain brief's table of what changed since the article. Most sources are
/// unofficial and the platforms change their rules, so every number is configuration and every text hedges it.
/// </summary>
internal sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>How long after a dispute closes the Appeal button is reported to work (about 7 days, unofficial).</summary>
    public TimeSpan AppealWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after delivery Buyer Protection usually runs (about 15 days; longer for some programmes).</summary>
    public TimeSpan BuyerProtection { get; set; } = TimeSpan.FromDays(15);

    /// <summary>PayPal: a dispute within this long of the payment.</summary>
    public TimeSpan PayPalDispute { get; set; } = TimeSpan.FromDays(180);

    /// <summary>PayPal in Italy, an item significantly not as described: within this long of delivery (or the payment window, whichever ends first).</summary>
    public TimeSpan PayPalNotAsDescribedItaly { get; set; } = TimeSpan.FromDays(30);

    /// <summary>PayPal: a dispute must be escalated to a claim within this long.</summary>
    public TimeSpan PayPalEscalation { get; set; } = TimeSpan.FromDays(20);

    /// <summary>Card networks: a chargeback within about this long of the payment; some banks allow less.</summary>
    public TimeSpan CardChargeback { get; set; } = TimeSpan.FromDays(120);

    /// <summary>Italy: the legal guarantee, in years from delivery.</summary>
    public int LegalGuaranteeYears { get; set; } = 2;

    /// <summary>Italy: a defect must be reported within this many months of noticing it.</summary>
    public int DefectNoticeMonths { get; set; } = 2;

    /// <summary>How long before a deadline the buyer is reminded of it.</summary>
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromDays(3);
}
