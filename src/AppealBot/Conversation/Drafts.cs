using System.Text;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>
/// The texts the buyer pastes into AliExpress: short, main problem first, numbered points, evidence listed,
/// compensation stated. Each sentence comes from one fact the buyer gave; a fact not given makes no sentence, and
/// only ticked evidence is called attached. Plain text (user values escaped), meant to sit inside a &lt;pre&gt; block.
/// </summary>
internal static class Drafts
{
    public static string Survey(Case c, Localizer t) => t.Get("draft.survey", ("order", c.OrderNumber));

    public static string Opening(Case c, Localizer t)
    {
        var ready = EvidenceChecklist.Ready(c);
        var problem = new Html(ProblemClause(c, t));
        return ready.Count == 0
            ? t.Get("draft.opening.no_evidence", ("order", c.OrderNumber), ("problem", problem))
            : t.Get("draft.opening", ("order", c.OrderNumber), ("problem", problem), ("evidence", new Html(EvidenceList(c, t, ready))));
    }

    public static string CheckBackRequest(Case c, Localizer t)
    {
        var ready = EvidenceChecklist.Ready(c);
        return ready.Count == 0
            ? t.Get("draft.checkback", ("order", c.OrderNumber), ("filed", c.FiledOn))
            : t.Get("draft.checkback.evidence", ("order", c.OrderNumber), ("filed", c.FiledOn), ("evidence", new Html(EvidenceList(c, t, ready))));
    }

    public static string AskForDecision(Case c, Localizer t) =>
        t.Get("draft.ask_decision", ("order", c.OrderNumber), ("filed", c.FiledOn), ("due", c.DecisionDue));

    public static string SpeedUp(Case c, Localizer t) =>
        t.Get("draft.speed_up", ("order", c.OrderNumber), ("filed", c.FiledOn));

    /// <summary>The complaint in <paramref name="t"/>'s language; what the buyer typed in <paramref name="buyer"/>'s is quoted as theirs.</summary>
    public static string Complaint(Case c, Localizer t, Language buyer)
    {
        var text = new StringBuilder();
        text.Append(t.Get("draft.complaint.main", ("order", c.OrderNumber), ("problem", new Html(ProblemClause(c, t))))).Append("\n\n");

        var points = new ComplaintPoints(c, t, buyer).All();
        for (var i = 0; i < points.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(points[i]).Append('\n');
        }

        var evidence = EvidenceChecklist.Ready(c);
        if (evidence.Count > 0)
        {
            text.Append('\n').Append(t["draft.complaint.evidence"]).Append('\n');
            foreach (var item in evidence)
            {
                text.Append("- ").Append(EvidenceShort(c, t, item)).Append('\n');
            }
        }

        text.Append('\n').Append(Ask(c, t));
        return text.ToString();
    }

    /// <summary>
    /// The description for a PayPal dispute: the same facts as the complaint, what was tried on AliExpress, the refund
    /// asked for. Only for a buyer who paid with PayPal.
    /// </summary>
    public static string PayPalDispute(Case c, Localizer t, Language buyer) =>
        RouteText(c, t, buyer, t.Get("draft.paypal.main", ("order", c.OrderNumber), ("problem", new Html(ProblemClause(c, t)))), "draft.paypal");

    /// <summary>A letter asking the card's bank to dispute the payment (a chargeback), from the same facts.</summary>
    public static string BankLetter(Case c, Localizer t, Language buyer) =>
        RouteText(c, t, buyer, c.Facts.PaidOn is { } paid
            ? t.Get("draft.bank.main.paid", ("order", c.OrderNumber), ("paid", paid), ("problem", new Html(ProblemClause(c, t))))
            : t.Get("draft.bank.main", ("order", c.OrderNumber), ("problem", new Html(ProblemClause(c, t)))), "draft.bank");

    private static string RouteText(Case c, Localizer t, Language buyer, string opening, string keys)
    {
        var text = new StringBuilder(opening).Append("\n\n");
        var points = new ComplaintPoints(c, t, buyer).ProblemFacts();
        if (c.DisputeClosedOn is { } closed)
        {
            points.Add(t.Get("draft.route.closed", ("closed", closed)));
        }

        if (c.Rejections > 0)
        {
            points.Add(t["draft.route.rejected"]);
        }

        for (var i = 0; i < points.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(points[i]).Append('\n');
        }

        var evidence = EvidenceChecklist.Ready(c);
        if (evidence.Count > 0)
        {
            text.Append('\n').Append(t["draft.route.evidence"]).Append('\n');
            foreach (var item in evidence)
            {
                text.Append("- ").Append(EvidenceShort(c, t, item)).Append('\n');
            }
        }

        var ask = c.Compensation == Compensation.PartialRefund && c.CompensationAmount is { } amount
            ? t.Get($"{keys}.ask.partial", ("amount", amount))
            : t[$"{keys}.ask"];
        return text.Append('\n').Append(ask).ToString();
    }

    /// <summary>The main problem as a clause ("the tracking says the parcel was delivered, but I have not received it").</summary>
    public static string ProblemClause(Case c, Localizer t)
    {
        var problem = c.Problem ?? ProblemKind.Other;
        var variant = problem switch
        {
            ProblemKind.NotReceived when c.Facts.Tracking is { } tracking => "." + tracking,
            ProblemKind.WrongItem when c.Facts.Differences == Differences.Quantity => ".Quantity",

            // The buyer ticked how it differs (size, colour…) but not "a different item": it is the item, not as ordered.
            ProblemKind.WrongItem when c.Facts.Differences != Differences.None && !c.Facts.Differences.HasFlag(Differences.OtherItem) => ".Differs",
            _ => "",
        };
        return t[$"draft.problem.{problem}{variant}"];
    }

    public static string EvidenceShort(Case c, Localizer t, EvidenceItems item) => EvidenceText(c, t, "short", item);

    /// <summary>An evidence item's text of one kind ("short", "how"), in the variant that fits the case if it has one.</summary>
    public static string EvidenceText(Case c, Localizer t, string kind, EvidenceItems item)
    {
        var key = $"evidence.{kind}.{item}";
        var variant = key + EvidenceChecklist.Variant(c, item);
        return t[t.Has(variant) ? variant : key];
    }

    private static string EvidenceList(Case c, Localizer t, IEnumerable<EvidenceItems> items) =>
        string.Join(", ", items.Select(i => EvidenceShort(c, t, i)));

    private static string Ask(Case c, Localizer t) => c.Compensation switch
    {
        Compensation.PartialRefund when c.CompensationAmount is { } amount => t.Get("draft.complaint.ask.PartialRefund", ("amount", amount)),
        Compensation.PartialRefund => t["draft.complaint.ask.PartialRefundUnspecified"],
        Compensation.ReturnAndRefund => t["draft.complaint.ask.ReturnAndRefund"],
        _ => t["draft.complaint.ask.FullRefund"],
    };

    /// <summary>The complaint's numbered points, in the order a mediator reads them: the facts, the dispute, the answers.</summary>
    private sealed class ComplaintPoints(Case c, Localizer t, Language buyer)
    {
        private readonly CaseFacts _f = c.Facts;
        private readonly List<string> _points = [];

        private bool Has(EvidenceItems item) => EvidenceChecklist.Ready(c).Contains(item);

        public List<string> All()
        {
            ProblemFacts();
            if (c.DisputeClosedOn is { } closed)
            {
                Add("draft.complaint.point.closed", ("closed", closed));
            }

            SellerArgumentAnswered();
            ClosingReasonAnswered();
            if (_f.Tracking == TrackingStatus.Delivered || _f.SellerArgument == SellerArgument.DeliveredPerTracking
                || _f.ClosingReason == ClosingReason.TrackingShowsDelivered || (_f.RejectedBecause == RejectionReason.DeliveryConfirmed && c.Rejections > 0))
            {
                Add(Has(EvidenceItems.CarrierStatement) ? "draft.answer.delivered.statement" : "draft.answer.delivered");
                Add("draft.answer.ask_proof");
            }

            if (c.Rejections > 0)
            {
                RejectionAnswered();
            }

            if (_f.Note is { } note)
            {
                Add("draft.point.note", ("note", Typed(note)));
            }

            return _points;
        }

        /// <summary>The points about the problem itself: what the tracking shows, what came, what is damaged or missing.</summary>
        public List<string> ProblemFacts()
        {
            if (_f.StuckSince is { } since && _f.Tracking == TrackingStatus.Stuck)
            {
                Add("draft.point.stuck_since", ("date", since));
            }

            if (_f.TrackingNumber is { } number)
            {
                Add("draft.point.tracking_number", ("number", number));
            }

            if (_f.PromisedBy is { } promised)
            {
                Add("draft.point.promised_by", ("date", promised));
            }

            var differences = FactQuestions.DifferencesFor(c.Problem)
                .Where(d => d != Differences.OtherItem && _f.Differences.HasFlag(d))
                .Select(d => t[$"difference.{d}.draft"])
                .ToList();
            if (differences.Count > 0 && c.Problem is ProblemKind.NotAsDescribed or ProblemKind.WrongItem)
            {
                Add($"draft.point.differences.{c.Problem}", ("list", string.Join(", ", differences)));
            }

            switch (_f.Ordered, _f.Received)
            {
                case ({ } ordered, { } received):
                    Add("draft.point.ordered_received", ("ordered", Typed(ordered)), ("received", Typed(received)));
                    break;
                case ({ } ordered, null):
                    Add("draft.point.ordered", ("ordered", Typed(ordered)));
                    break;
                case (null, { } received):
                    Add("draft.point.received", ("received", Typed(received)));
                    break;
            }

            Detail("draft.point.damage", _f.Damage);
            if (_f.ParcelDamaged is { } parcelDamaged)
            {
                Add(parcelDamaged ? "draft.point.parcel_damaged" : "draft.point.parcel_intact");
            }

            Detail("draft.point.fault", _f.Fault);
            switch (_f.FaultStart, _f.FaultAfterDays)
            {
                case (FaultStart.FromTheStart, _):
                    Add("draft.point.fault_from_start");
                    break;
                case (FaultStart.Later, { } days):
                    _points.Add(t.Plural("draft.point.fault_after_days", days));
                    break;
                case (FaultStart.Later, null):
                    Add("draft.point.fault_later");
                    break;
            }

            Detail("draft.point.missing", _f.Missing);
            Detail("draft.point.counterfeit", _f.CounterfeitSigns);
            Detail("draft.point.what_happened", _f.WhatHappened);
            return _points;
        }

        private void SellerArgumentAnswered()
        {
            switch (_f.SellerArgument)
            {
                case SellerArgument.AsDescribed:
                    Add(Has(EvidenceItems.Photos) || Has(EvidenceItems.UnboxingVideo) || Has(EvidenceItems.ListingScreenshots)
                        || Has(EvidenceItems.MeasurementPhotos) || Has(EvidenceItems.Collage)
                        ? "draft.seller.AsDescribed.evidence"
                        : "draft.seller.AsDescribed");
                    break;
                case SellerArgument.DeliveredPerTracking:
                    Add("draft.seller.DeliveredPerTracking");
                    break;
                case SellerArgument.BuyerCausedDamage:
                    Add(Has(EvidenceItems.UnboxingVideo) ? "draft.seller.BuyerCausedDamage.video"
                        : c.Problem == ProblemKind.Damaged || _f.FaultStart == FaultStart.FromTheStart ? "draft.seller.BuyerCausedDamage.arrival"
                        : "draft.seller.BuyerCausedDamage");
                    break;
                case SellerArgument.NoEvidence when EvidenceChecklist.Ready(c).Count > 0 && _f.ClosingReason != ClosingReason.NotEnoughEvidence:
                    Add("draft.seller.NoEvidence");
                    break;
                case SellerArgument.OfferedPartialRefund:
                    Add("draft.seller.OfferedPartialRefund");
                    break;
                case SellerArgument.NoAnswer:
                    Add("draft.seller.NoAnswer");
                    break;
                case SellerArgument.Other when _f.SellerArgumentText is { } argument:
                    Add("draft.seller.Other", ("argument", Typed(argument)));
                    break;
            }
        }

        private void ClosingReasonAnswered()
        {
            switch (_f.ClosingReason)
            {
                case ClosingReason.NotEnoughEvidence when EvidenceChecklist.Ready(c).Count > 0:
                    Add("draft.closing.NotEnoughEvidence");
                    break;
                case ClosingReason.TrackingShowsDelivered:
                    Add("draft.closing.TrackingShowsDelivered");
                    break;
                case ClosingReason.SellerEvidence:
                    Add(EvidenceChecklist.Ready(c).Count > 0 ? "draft.closing.SellerEvidence.evidence" : "draft.closing.SellerEvidence");
                    break;
                case ClosingReason.ResponseTimeout:
                    Add("draft.closing.ResponseTimeout");
                    break;
                case ClosingReason.Other when _f.ClosingReasonText is { } reason:
                    Add("draft.closing.Other", ("reason", Typed(reason)));
                    break;
            }
        }

        private void RejectionAnswered()
        {
            var added = EvidenceChecklist.AddedSinceFiling(c);
            var addedList = new Html(string.Join(", ", added.Select(i => EvidenceShort(c, t, i))));
            switch (_f.RejectedBecause)
            {
                case RejectionReason.NotEnoughEvidence when added.Count > 0:
                    Add("draft.rejection.NotEnoughEvidence", ("added", addedList));
                    return;
                case RejectionReason.SellerEvidenceBelieved:
                    Add("draft.rejection.SellerEvidenceBelieved");
                    break;
                case RejectionReason.DeliveryConfirmed:
                    Add("draft.rejection.DeliveryConfirmed");
                    break;
                case RejectionReason.TooLate when c.FiledOn is { } filed:
                    Add("draft.rejection.TooLate", ("filed", filed));
                    break;
                case RejectionReason.NoReasonGiven:
                    Add("draft.rejection.NoReasonGiven");
                    break;
                case RejectionReason.Other when _f.RejectedBecauseText is { } reason:
                    Add("draft.rejection.Other", ("reason", Typed(reason)));
                    break;
                default:
                    Add("draft.rejection.repeat");
                    break;
            }

            // "Clearer evidence" only when there is new evidence to point to.
            if (added.Count > 0)
            {
                Add("draft.rejection.added", ("added", addedList));
            }
        }

        private void Detail(string key, string? typed)
        {
            if (typed is not null)
            {
                Add(key, ("detail", Typed(typed)));
            }
        }

        /// <summary>
        /// The buyer's words: verbatim in their language; quoted and marked as theirs in any other. A closing full stop
        /// is left to the sentence around them, so it does not come out twice.
        /// </summary>
        private object Typed(string value)
        {
            var words = value.TrimEnd('.') is { Length: > 0 } trimmed ? trimmed : value;
            return t.Language == buyer
                ? words
                : new Html(t.Get("draft.quote.foreign", ("text", words), ("language", new Html(t[$"language.in.{buyer.Code()}"]))));
        }

        private void Add(string key, params (string Name, object? Value)[] args) => _points.Add(t.Get(key, args));
    }
}
