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

        var draft = Drafts.Complaint(@case, texts);
        var html = $"{texts.Get("draft.complaint.label", ("language", new Html(texts["language.in.en"])))}\n<pre>{draft}</pre>";

        Assert.True(TelegramHtml.TryParse(html, out var plain, out var error), error);
        Assert.True(plain.Length <= 4096);
        var lines = draft.Split('\n');
        Assert.Equal(texts.Get($"draft.complaint.main.{problem}", ("order", "8123456789012345")), lines[0]);
        Assert.StartsWith("1. ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("2. ", lines[3], StringComparison.Ordinal);
        Assert.Contains(texts.Date(new DateOnly(2026, 11, 20)), draft, StringComparison.Ordinal);
        var ask = compensation == nameof(Compensation.PartialRefund)
            ? texts.Get("draft.complaint.ask.PartialRefund", ("amount", texts.Money(new Money(1234.5m, "EUR"))))
            : texts[$"draft.complaint.ask.{compensation}"];
        Assert.EndsWith(ask, draft, StringComparison.Ordinal);
    }

    [Fact]
    public void User_typed_values_are_escaped_in_every_draft()
    {
        var texts = Localizer.For(Language.En);
        var @case = new Case { UserId = 1, CreatedAt = DateTimeOffset.UnixEpoch, OrderNumber = "<b>&\"", Problem = ProblemKind.Other };

        foreach (var draft in new[] { Drafts.Complaint(@case, texts), Drafts.Opening(@case, texts), Drafts.Survey(@case, texts) })
        {
            Assert.True(TelegramHtml.TryParse($"<pre>{draft}</pre>", out var plain, out var error), error);
            Assert.Contains("<b>&\"", plain, StringComparison.Ordinal);
        }
    }
}
