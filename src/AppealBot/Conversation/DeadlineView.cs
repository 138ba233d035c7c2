using System.Text;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>The deadlines and routes on screen: "until 10 December (in 7 days)", soonest first, in the buyer's local days.</summary>
internal static class DeadlineView
{
    /// <summary>Said as soon as the closing date is known: until when the appeal is reported to work, or that it has probably gone.</summary>
    public static string? AppealNote(Case c, ConversationContext ctx)
    {
        if (c.DisputeClosedOn is not { } closed)
        {
            return null;
        }

        var t = ctx.Texts;
        var days = ctx.Deadlines.AppealWindow.Days;
        var until = closed.AddDays(days);
        return until >= ctx.Today
            ? t.Get("deadline.appeal_note", ("days", DaysOf(t, days)), ("date", until), ("relative", new Html(Relative(until, ctx))))
            : t.Get("deadline.appeal_passed", ("days", DaysOf(t, days)), ("closed", closed));
    }

    /// <summary>"⏰ Dates that matter" with every open deadline of the case, or null when there is none.</summary>
    public static string? Plan(Case c, ConversationContext ctx)
    {
        var open = Deadlines.Open(c, ctx.Country, ctx.Deadlines, ctx.Today);
        if (open.Count == 0)
        {
            return null;
        }

        var t = ctx.Texts;
        var lines = new StringBuilder(t["deadline.title"]);
        foreach (var deadline in open)
        {
            lines.Append('\n').Append(t.Get($"deadline.{deadline.Kind}", Arguments(c, deadline, ctx)));
        }

        return lines.ToString();
    }

    /// <summary>The routes that fit the buyer, each with its deadline, what to prepare and its warnings.</summary>
    public static string Routes(Case c, ConversationContext ctx, IReadOnlyList<Route> routes)
    {
        var t = ctx.Texts;
        var o = ctx.Deadlines;
        var text = new StringBuilder(c.Filings == 0
            ? t.Get("routes.intro.window", ("days", DaysOf(t, o.AppealWindow.Days)), ("closed", c.DisputeClosedOn))
            : t["routes.intro.rejected"]);
        var open = Deadlines.Open(c, ctx.Country, o, ctx.Today).ToDictionary(d => d.Kind);
        foreach (var route in routes)
        {
            var args = route switch
            {
                Route.NewDispute => Arguments(c, open[DeadlineKind.NewDispute], ctx),
                Route.PayPal => Arguments(c, open[DeadlineKind.PayPal], ctx),
                Route.Chargeback => Arguments(c, open[DeadlineKind.Chargeback], ctx),
                Route.ItalianGuarantee => [
                    ("years", new Html(t.Plural("unit.years", o.LegalGuaranteeYears))), ("notice", new Html(t.Plural("unit.months", o.DefectNoticeMonths))),
                    ("until", new Html(Conversation.Routes.GuaranteeUntil(c, o) is { } until ? t.Get("routes.guarantee_until", ("date", until)) : ""))],
                _ => [],
            };
            text.Append("\n\n").Append(t.Get($"route.{route}", args));
        }

        if (routes.Any(Conversation.Routes.MovesMoney))
        {
            text.Append("\n\n").Append(t["routes.warning"]);
        }

        return text.Append("\n\n").Append(t["routes.prepare"]).ToString();
    }

    /// <summary>"in 3 days", "tomorrow", "today".</summary>
    public static string Relative(DateOnly day, ConversationContext ctx)
    {
        var t = ctx.Texts;
        var days = day.DayNumber - ctx.Today.DayNumber;
        return days switch
        {
            0 => t["when.today"],
            1 => t["when.tomorrow"],
            _ => t.Plural("when.in_days", days),
        };
    }

    private static (string Name, object? Value)[] Arguments(Case c, Deadline deadline, ConversationContext ctx)
    {
        var t = ctx.Texts;
        var o = ctx.Deadlines;
        var when = deadline.Until is { } until
            ? t.Get(deadline.Approximate ? "deadline.until_about" : "deadline.until", ("date", until), ("relative", new Html(Relative(until, ctx))))
            : t[$"deadline.no_date.{deadline.Kind}"];
        var rule = deadline.Kind == DeadlineKind.PayPal && ctx.Country == BuyerCountry.Italy && Deadlines.IsNotAsDescribed(c.Problem)
            ? t.Get("deadline.rule.PayPal.Italy", ("delivery", DaysOf(t, o.PayPalNotAsDescribedItaly.Days)), ("payment", DaysOf(t, o.PayPalDispute.Days)))
            : t.Get("deadline.rule.PayPal", ("payment", DaysOf(t, o.PayPalDispute.Days)));
        return
        [
            ("when", new Html(when)), ("rule", new Html(rule)), ("days", DaysOf(t, deadline.Kind switch
            {
                DeadlineKind.Appeal => o.AppealWindow.Days,
                DeadlineKind.NewDispute => o.BuyerProtection.Days,
                DeadlineKind.Chargeback => o.CardChargeback.Days,
                _ => o.PayPalDispute.Days,
            })),
            ("escalate", new Html(t.Plural("unit.days", o.PayPalEscalation.Days))),
        ];
    }

    /// <summary>"7 days" after "about" or "within" (Russian takes the genitive there: «около 7 дней», «около 21 дня»).</summary>
    private static Html DaysOf(Localizer t, int days) => new(t.Plural("unit.days_of", days));
}
