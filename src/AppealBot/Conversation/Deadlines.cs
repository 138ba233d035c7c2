namespace AppealBot.Conversation;

/// <summary>Where the buyer lives, as far as the routes outside AliExpress go; read from their time zone (which follows their language until they pick one).</summary>
internal enum BuyerCountry
{
    Russia,
    Italy,
    Other,
}

internal enum DeadlineKind
{
    /// <summary>The Appeal button on the dispute page, after the dispute closed.</summary>
    Appeal,

    /// <summary>A new dispute while Buyer Protection still runs: usually better than a complaint.</summary>
    NewDispute,

    PayPal,

    Chargeback,
}

/// <summary>A window that closes on the buyer: until when (null when the buyer's dates do not tell), and whether that day is only approximate.</summary>
internal sealed record Deadline(DeadlineKind Kind, DateOnly? Until, bool Approximate);

/// <summary>
/// The deadlines of a case, from its facts and the buyer's country and payment, ordered by urgency. Pure: the
/// numbers come from <see cref="DeadlineOptions"/>; a deadline whose day has passed is left out of <see cref="Open"/>.
/// </summary>
internal static class Deadlines
{
    public static BuyerCountry CountryOf(UserProfile user) => user.TimeZone.Id switch
    {
        "Europe/Kaliningrad" or "Europe/Moscow" or "Europe/Samara" or "Europe/Volgograd" or "Europe/Kirov" or "Europe/Saratov"
            or "Europe/Ulyanovsk" or "Europe/Astrakhan" or "Asia/Yekaterinburg" or "Asia/Omsk" or "Asia/Novosibirsk" or "Asia/Barnaul"
            or "Asia/Tomsk" or "Asia/Novokuznetsk" or "Asia/Krasnoyarsk" or "Asia/Irkutsk" or "Asia/Chita" or "Asia/Yakutsk"
            or "Asia/Khandyga" or "Asia/Vladivostok" or "Asia/Ust-Nera" or "Asia/Magadan" or "Asia/Sakhalin" or "Asia/Srednekolymsk"
            or "Asia/Kamchatka" or "Asia/Anadyr" => BuyerCountry.Russia,
        "Europe/Rome" => BuyerCountry.Italy,
        _ => BuyerCountry.Other,
    };

    /// <summary>Every deadline that applies to the case now, the passed ones included, soonest first (unknown days last).</summary>
    public static IReadOnlyList<Deadline> For(Case c, BuyerCountry country, DeadlineOptions o)
    {
        if (c.IsClosed)
        {
            return [];
        }

        var f = c.Facts;
        var list = new List<Deadline>();
        if (c.Filings == 0 && c.DisputeClosedOn is { } closed)
        {
            list.Add(new Deadline(DeadlineKind.Appeal, closed.AddDays(o.AppealWindow.Days), Approximate: true));
        }

        if (f.Protection == ProtectionTimer.Running
            || (f.Protection is not ProtectionTimer.Over && f.DeliveredOn is not null && c.Problem is not ProblemKind.NotReceived))
        {
            var until = f.DeliveredOn?.AddDays(o.BuyerProtection.Days);
            list.Add(new Deadline(DeadlineKind.NewDispute, until, Approximate: true));
        }

        if (f.Payment == PaymentMethod.PayPal)
        {
            var fromPayment = f.PaidOn?.AddDays(o.PayPalDispute.Days);
            var fromDelivery = country == BuyerCountry.Italy && IsNotAsDescribed(c.Problem) ? f.DeliveredOn?.AddDays(o.PayPalNotAsDescribedItaly.Days) : null;
            var until = (fromPayment, fromDelivery) switch
            {
                ({ } a, { } b) => a < b ? a : b,
                (var a, var b) => a ?? b,
            };
            var approximate = (until == fromPayment && f.PaidOnApproximate) || (until == fromDelivery && f.DeliveredOnApproximate);
            list.Add(new Deadline(DeadlineKind.PayPal, until, approximate));
        }

        if (f.Payment == PaymentMethod.Card)
        {
            // Counted from the payment: the networks also count from the expected delivery, which is later, so this errs early.
            list.Add(new Deadline(DeadlineKind.Chargeback, f.PaidOn?.AddDays(o.CardChargeback.Days), Approximate: true));
        }

        return [.. list.OrderBy(d => d.Until ?? DateOnly.MaxValue)];
    }

    /// <summary>The deadlines whose day has not passed (or is unknown).</summary>
    public static IReadOnlyList<Deadline> Open(Case c, BuyerCountry country, DeadlineOptions o, DateOnly today) =>
        [.. For(c, country, o).Where(d => d.Until is null || d.Until >= today)];

    /// <summary>Whether the Appeal button may still work (it is not known to have closed).</summary>
    public static bool AppealOpen(Case c, DeadlineOptions o, DateOnly today) =>
        c.DisputeClosedOn is not { } closed || closed.AddDays(o.AppealWindow.Days) >= today;

    /// <summary>PayPal's shorter Italian window covers an item "significantly not as described".</summary>
    public static bool IsNotAsDescribed(ProblemKind? problem) =>
        problem is ProblemKind.NotAsDescribed or ProblemKind.WrongItem or ProblemKind.Counterfeit or ProblemKind.MissingParts
            or ProblemKind.Damaged or ProblemKind.Defective;
}
