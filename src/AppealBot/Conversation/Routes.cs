namespace AppealBot.Conversation;

/// <summary>A way to get the money back outside the complaint: a new dispute, PayPal, the bank, consumer law or help.</summary>
internal enum Route
{
    NewDispute,
    PayPal,
    Chargeback,
    MirOrSbp,
    RussianConsumerLaw,
    ItalianGuarantee,
    ItalianConsumerHelp,
    ConsumerAuthority,
}

/// <summary>
/// The routes that fit this buyer: by payment method, by country, by problem and by the deadlines still open. Pure; the
/// facts behind each route are the domain brief's, and its texts say they are general information, not legal advice.
/// </summary>
internal static class Routes
{
    public static IReadOnlyList<Route> For(Case c, BuyerCountry country, DeadlineOptions o, DateOnly today)
    {
        var open = Deadlines.Open(c, country, o, today).Select(d => d.Kind).ToHashSet();
        var routes = new List<Route>();
        if (open.Contains(DeadlineKind.NewDispute))
        {
            routes.Add(Route.NewDispute);
        }

        if (open.Contains(DeadlineKind.PayPal))
        {
            routes.Add(Route.PayPal);
        }

        if (open.Contains(DeadlineKind.Chargeback))
        {
            routes.Add(Route.Chargeback);
        }

        if (c.Facts.Payment == PaymentMethod.MirOrSbp)
        {
            routes.Add(Route.MirOrSbp);
        }

        switch (country)
        {
            case BuyerCountry.Russia:
                routes.Add(Route.RussianConsumerLaw);
                break;
            case BuyerCountry.Italy:
                if (GuaranteeUntil(c, o) is not { } until || until >= today)
                {
                    if (c.Problem is not (ProblemKind.NotReceived or ProblemKind.Other))
                    {
                        routes.Add(Route.ItalianGuarantee);
                    }
                }

                routes.Add(Route.ItalianConsumerHelp);
                break;
            default:
                routes.Add(Route.ConsumerAuthority);
                break;
        }

        return routes;
    }

    /// <summary>The end of the legal guarantee, when the delivery day is known.</summary>
    public static DateOnly? GuaranteeUntil(Case c, DeadlineOptions o) => c.Facts.DeliveredOn?.AddYears(o.LegalGuaranteeYears);

    /// <summary>Whether a route asks for money back outside AliExpress, where getting it twice would be abuse.</summary>
    public static bool MovesMoney(Route route) => route is Route.PayPal or Route.Chargeback or Route.MirOrSbp;
}
