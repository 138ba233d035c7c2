using AppealBot.Conversation;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;

namespace AppealBot.Tests.Conversation;

public sealed class DraftTests
{
    public static TheoryData<string, string, string> Combinations()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var problem in Enum.GetNames<ProblemKind>())
        {
            foreach (var compensation in Enum.GetNames<Compensation>())
            {
                foreach (var language in Languages.All)
                {
                    data.Add(problem, compensation, language.Code());
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void The_complaint_starts_with_the_main_problem_numbers_its_points_and_names_the_compensation(string problem, string compensation, string code)
    {
        var texts = Localizer.For(Languages.FromTelegramCode(code));
        var @case = new Case
        {
            UserId = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
            OrderNumber = "8123456789012345",
            Problem = Enum.Parse<ProblemKind>(problem),
            DisputeClosedOn = new DateOnly(2026, 11, 20),
            Compensation = Enum.Parse<Compensation>(compensation),
            CompensationAmount = new Money(1234.5m, "EUR"),
            EvidenceReady = EvidenceItems.Photos | EvidenceItems.TrackingNumber | EvidenceItems.SellerChat,
            Rejections = 1,
        };

        var draft = Drafts.Complaint(@case, texts, texts.Language);
        var html = $"{texts.Get("draft.complaint.label", ("language", new Html(texts["language.in.en"])))}\n<pre>{draft}</pre>";

        Assert.True(TelegramHtml.TryParse(html, out var plain, out var error), error);
        Assert.True(plain.Length <= 4096);
        var lines = draft.Split('\n');
        Assert.Equal(texts.Get("draft.complaint.main", ("order", "8123456789012345"), ("problem", new Html(Drafts.ProblemClause(@case, texts)))), lines[0]);
        Assert.StartsWith("1. ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("2. ", lines[3], StringComparison.Ordinal);
        Assert.Contains(texts.Date(new DateOnly(2026, 11, 20)), draft, StringComparison.Ordinal);
        var ask = compensation == nameof(Compensation.PartialRefund)
            ? texts.Get("draft.complaint.ask.PartialRefund", ("amount", new Money(1234.5m, "EUR")))
            : texts[$"draft.complaint.ask.{compensation}"];
        Assert.EndsWith(ask, draft, StringComparison.Ordinal);
    }

    [Fact]
    public void User_typed_values_are_escaped_in_every_draft()
    {
        var texts = Localizer.For(Language.En);
        var @case = new Case { UserId = 1, CreatedAt = DateTimeOffset.UnixEpoch, OrderNumber = "<b>&\"", Problem = ProblemKind.Other };

        foreach (var draft in new[] { Drafts.Complaint(@case, texts, texts.Language), Drafts.Opening(@case, texts), Drafts.Survey(@case, texts) })
        {
            Assert.True(TelegramHtml.TryParse($"<pre>{draft}</pre>", out var plain, out var error), error);
            Assert.Contains("<b>&\"", plain, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_rejection_reason_is_answered_by_a_different_draft()
    {
        var texts = Localizer.For(Language.En);
        var drafts = new Dictionary<RejectionReason, string>();
        foreach (var reason in Enum.GetValues<RejectionReason>())
        {
            var @case = Rejected(reason);
            @case.Facts.RejectedBecauseText = reason == RejectionReason.Other ? "the photos are not clear" : null;
            drafts[reason] = Drafts.Complaint(@case, texts, Language.En);
        }

        Assert.Equal(drafts.Count, drafts.Values.Distinct().Count());
        Assert.Contains(texts.Get("draft.rejection.TooLate", ("filed", new DateOnly(2026, 11, 22))), drafts[RejectionReason.TooLate], StringComparison.Ordinal);
        Assert.Contains(texts["draft.rejection.SellerEvidenceBelieved"], drafts[RejectionReason.SellerEvidenceBelieved], StringComparison.Ordinal);
        Assert.Contains(texts["draft.rejection.DeliveryConfirmed"], drafts[RejectionReason.DeliveryConfirmed], StringComparison.Ordinal);
        Assert.Contains(texts["draft.answer.delivered"], drafts[RejectionReason.DeliveryConfirmed], StringComparison.Ordinal);
        Assert.Contains(texts["draft.rejection.NoReasonGiven"], drafts[RejectionReason.NoReasonGiven], StringComparison.Ordinal);
        Assert.Contains("the photos are not clear", drafts[RejectionReason.Other], StringComparison.Ordinal);
        Assert.Contains(texts["draft.rejection.repeat"], drafts[RejectionReason.NotEnoughEvidence], StringComparison.Ordinal);
    }

    [Fact]
    public void Added_evidence_is_claimed_only_when_something_was_ticked_since_the_last_filing()
    {
        var texts = Localizer.For(Language.En);
        var same = Rejected(RejectionReason.NotEnoughEvidence);
        var more = Rejected(RejectionReason.NotEnoughEvidence);
        more.EvidenceReady |= EvidenceItems.ListingScreenshots;
        var otherReason = Rejected(RejectionReason.SellerEvidenceBelieved);
        otherReason.EvidenceReady |= EvidenceItems.ListingScreenshots;

        var unchanged = Drafts.Complaint(same, texts, Language.En);
        var changed = Drafts.Complaint(more, texts, Language.En);
        var answered = Drafts.Complaint(otherReason, texts, Language.En);

        Assert.DoesNotContain("added", unchanged, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(texts.Get("draft.rejection.NotEnoughEvidence", ("added", "screenshots of the listing")), changed, StringComparison.Ordinal);
        Assert.Contains(texts.Get("draft.rejection.added", ("added", "screenshots of the listing")), answered, StringComparison.Ordinal);
        Assert.DoesNotContain("- photos of the item", unchanged.Split("Since")[0].Split("Evidence attached:")[0], StringComparison.Ordinal);
    }

    private static Case Rejected(RejectionReason reason)
    {
        var @case = new Case
        {
            UserId = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
            OrderNumber = "8123456789012345",
            Problem = reason == RejectionReason.DeliveryConfirmed ? ProblemKind.NotReceived : ProblemKind.NotAsDescribed,
            DisputeClosedOn = new DateOnly(2026, 11, 20),
            FiledOn = new DateOnly(2026, 11, 22),
            EvidenceReady = EvidenceItems.Photos,
            EvidenceFiled = EvidenceItems.Photos,
            Filings = 1,
            Rejections = 1,
        };
        @case.Facts.RejectedBecause = reason;
        return @case;
    }

    [Theory]
    [InlineData("Size", "the item I received does not match what I ordered")]
    [InlineData("Colour, Size", "the item I received does not match what I ordered")]
    [InlineData("OtherItem, Size", "I received a different item from the one I ordered")]
    [InlineData("Quantity", "I received a different quantity from the one I ordered")]
    [InlineData("None", "I received a different item from the one I ordered")]
    public void A_wrong_item_is_called_a_different_item_only_when_the_buyer_said_so(string differences, string headline)
    {
        var @case = new Case
        {
            UserId = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
            OrderNumber = "8123456789012345",
            Problem = ProblemKind.WrongItem,
            Facts = new CaseFacts { Differences = Enum.Parse<Differences>(differences) },
        };

        var complaint = Drafts.Complaint(@case, Localizer.For(Language.En), Language.En);

        Assert.StartsWith($"Order 8123456789012345: {headline}.", complaint, StringComparison.Ordinal);
    }
}
