using AppealBot.Conversation;

namespace AppealBot.Tests.Conversation;

/// <summary>The deadline rules of the domain brief, one by one, with the default settings.</summary>
public sealed class DeadlinesRulesTests
{
    private static readonly DeadlineOptions Defaults = new();
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Case Case(ProblemKind problem, Action<CaseFacts> facts, int filings = 0)
    {
        var c = new Case { UserId = 1, CreatedAt = DateTimeOffset.UnixEpoch, Problem = problem, DisputeClosedOn = Today.AddDays(-2), Filings = filings };
        facts(c.Facts);
        return c;
    }

    [Fact]
    public void The_appeal_window_counts_from_the_closing_and_ends_with_the_first_filing()
    {
        var open = Case(ProblemKind.Damaged, _ => { });
        Assert.Equal([new Deadline(DeadlineKind.Appeal, Today.AddDays(5), true)], Deadlines.For(open, BuyerCountry.Russia, Defaults));
        Assert.Empty(Deadlines.For(Case(ProblemKind.Damaged, _ => { }, filings: 1), BuyerCountry.Russia, Defaults));
        Assert.Empty(Deadlines.Open(open, BuyerCountry.Russia, Defaults, Today.AddDays(6)));
    }

    [Fact]
    public void PayPal_in_Italy_for_an_item_not_as_described_ends_at_the_earlier_of_delivery_plus_thirty_and_payment_plus_one_eighty()
    {
        var c = Case(ProblemKind.WrongItem, f => { f.Payment = PaymentMethod.PayPal; f.PaidOn = new DateOnly(2026, 6, 1); f.DeliveredOn = new DateOnly(2026, 11, 20); });
        Assert.Equal(new DateOnly(2026, 11, 28), Deadlines.For(c, BuyerCountry.Italy, Defaults).Single(d => d.Kind == DeadlineKind.PayPal).Until);
        Assert.Equal(new DateOnly(2026, 11, 28), Deadlines.For(c, BuyerCountry.Other, Defaults).Single(d => d.Kind == DeadlineKind.PayPal).Until);
        c.Facts.DeliveredOn = new DateOnly(2026, 10, 1);
        Assert.Equal(new DateOnly(2026, 10, 31), Deadlines.For(c, BuyerCountry.Italy, Defaults).Single(d => d.Kind == DeadlineKind.PayPal).Until);
        Assert.Equal(new DateOnly(2026, 11, 28), Deadlines.For(c, BuyerCountry.Russia, Defaults).Single(d => d.Kind == DeadlineKind.PayPal).Until);
    }

    [Fact]
    public void Only_the_buyers_own_payment_method_has_a_deadline()
    {
        var card = Case(ProblemKind.Damaged, f => { f.Payment = PaymentMethod.Card; f.PaidOn = new DateOnly(2026, 10, 1); });
        Assert.Equal([DeadlineKind.Appeal, DeadlineKind.Chargeback], Deadlines.For(card, BuyerCountry.Russia, Defaults).Select(d => d.Kind));
        Assert.Equal(new DateOnly(2027, 1, 29), Deadlines.For(card, BuyerCountry.Russia, Defaults)[1].Until);
        var mir = Case(ProblemKind.Damaged, f => f.Payment = PaymentMethod.MirOrSbp);
        Assert.Equal([DeadlineKind.Appeal], Deadlines.For(mir, BuyerCountry.Russia, Defaults).Select(d => d.Kind));
        Assert.Contains(Route.MirOrSbp, Routes.For(mir, BuyerCountry.Russia, Defaults, Today));
        Assert.DoesNotContain(Route.PayPal, Routes.For(card, BuyerCountry.Russia, Defaults, Today));
    }

    [Fact]
    public void A_new_dispute_is_suggested_while_Buyer_Protection_may_still_run()
    {
        var running = Case(ProblemKind.Damaged, f => f.Protection = ProtectionTimer.Running);
        Assert.Contains(Route.NewDispute, Routes.For(running, BuyerCountry.Italy, Defaults, Today));
        var recent = Case(ProblemKind.Damaged, f => f.DeliveredOn = Today.AddDays(-3));
        Assert.Equal(Today.AddDays(12), Deadlines.For(recent, BuyerCountry.Italy, Defaults).Single(d => d.Kind == DeadlineKind.NewDispute).Until);
        var over = Case(ProblemKind.Damaged, f => { f.DeliveredOn = Today.AddDays(-3); f.Protection = ProtectionTimer.Over; });
        Assert.DoesNotContain(Route.NewDispute, Routes.For(over, BuyerCountry.Italy, Defaults, Today));
        var old = Case(ProblemKind.Damaged, f => f.DeliveredOn = Today.AddDays(-40));
        Assert.DoesNotContain(Route.NewDispute, Routes.For(old, BuyerCountry.Italy, Defaults, Today));
    }

    [Fact]
    public void The_routes_follow_the_country()
    {
        var c = Case(ProblemKind.Defective, _ => { });
        Assert.Equal([Route.RussianConsumerLaw], Routes.For(c, BuyerCountry.Russia, Defaults, Today));
        Assert.Equal([Route.ItalianGuarantee, Route.ItalianConsumerHelp], Routes.For(c, BuyerCountry.Italy, Defaults, Today));
        Assert.Equal([Route.ConsumerAuthority], Routes.For(c, BuyerCountry.Other, Defaults, Today));
        Assert.Equal([Route.ItalianConsumerHelp], Routes.For(Case(ProblemKind.NotReceived, _ => { }), BuyerCountry.Italy, Defaults, Today));
    }
}
