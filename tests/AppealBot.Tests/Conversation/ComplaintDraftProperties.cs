using AppealBot.Conversation;
using AppealBot.Conversation.Input;
using AppealBot.Localization;
using AppealBot.Tests.Conversation.Input;
using AppealBot.Tests.FakeTelegram;
using CsCheck;

namespace AppealBot.Tests.Conversation;

/// <summary>
/// Random case files, answered as the flow asks them (any answer, any skip, any typed text), with any evidence ticked:
/// every draft stays within Telegram's limits and is valid HTML, says each typed detail, lists exactly the ticked
/// evidence, and never calls anything "attached" when nothing is.
/// </summary>
public sealed class ComplaintDraftProperties
{
    private static readonly Gen<string> Detail = InputGen.AnyText
        .Select(text => DetailInput.Read(text, out _))
        .Where(text => text is not null)
        .Select(text => text!.Length > CaseFacts.MaxDetailLength ? DetailInput.Read(text[..CaseFacts.MaxDetailLength], out _) : text)
        .Where(text => text is not null)
        .Select(text => text!);

    private static readonly Gen<Case> Cases = Gen.Select(
            Gen.Enum<ProblemKind>(), Gen.Int[0, int.MaxValue].Array[30], Detail.Array[1, 8],
            Gen.Int[0, 2047], Gen.Int[0, 2047], Gen.Int[0, 2], Gen.Enum<RejectionReason>().Nullable(), Gen.Enum<Compensation>())
        .Select((problem, answers, texts, ticked, filed, rejections, rejectedBecause, compensation) =>
        {
            var c = new Case
            {
                UserId = 1,
                CreatedAt = DateTimeOffset.UnixEpoch,
                OrderNumber = "8123456789012345",
                Problem = problem,
                DisputeClosedOn = answers[0] % 3 == 0 ? null : new DateOnly(2026, 11, 20),
                EvidenceReady = (EvidenceItems)ticked,
                EvidenceFiled = (EvidenceItems)filed,
                Rejections = rejections,
                Filings = rejections + 1,
                FiledOn = new DateOnly(2026, 11, 22),
                Compensation = compensation,
                CompensationAmount = new Money(1234.5m, "EUR"),
            };
            c.Facts.RejectedBecause = rejectedBecause;
            c.Facts.RejectedBecauseText = rejectedBecause == RejectionReason.Other ? texts[^1] : null;
            Answer(c, answers, texts);
            return c;
        });

    [Fact]
    public void Every_draft_is_within_limits_says_each_typed_detail_and_lists_exactly_the_ticked_evidence()
    {
        Gen.Select(Cases, Gen.OneOfConst(Language.Ru, Language.It, Language.En)).Sample((c, buyer) =>
        {
            foreach (var draftLanguage in buyer == Language.En ? [Language.En] : new[] { buyer, Language.En })
            {
                var t = Localizer.For(draftLanguage);
                var draft = Drafts.Complaint(c, t, buyer);
                var message = t.Get("draft.complaint.label", ("language", new Html(t["language.in.en"]))) + "\n" + $"<pre>{draft}</pre>";
                Assert.True(TelegramHtml.TryParse(message, out var plain, out var error), error);
                Assert.InRange(plain.Length, 1, 4096);

                foreach (var typed in Typed(c.Facts).Select(text => text.TrimEnd('.') is { Length: > 0 } words ? words : text))
                {
                    var expected = draftLanguage == buyer
                        ? typed
                        : System.Net.WebUtility.HtmlDecode(t.Get("draft.quote.foreign", ("text", typed), ("language", new Html(t[$"language.in.{buyer.Code()}"]))));
                    Assert.True(plain.Contains(expected, StringComparison.Ordinal), $"{expected}\n---\n{plain}");
                }

                if (c.Facts.TrackingNumber is { } number)
                {
                    Assert.Contains(number, plain, StringComparison.Ordinal);
                }

                var lines = plain.Split('\n');
                var ready = EvidenceChecklist.Ready(c);
                foreach (var item in EvidenceChecklist.For(c))
                {
                    Assert.Equal(ready.Contains(item), lines.Contains("- " + Drafts.EvidenceShort(c, t, item)));
                }

                Assert.Equal(ready.Count > 0, lines.Contains(t["draft.complaint.evidence"]));
                if (draftLanguage == Language.En && ready.Count == 0)
                {
                    Assert.DoesNotContain("attach", plain, StringComparison.OrdinalIgnoreCase);
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void The_texts_for_PayPal_and_the_bank_are_within_limits_and_tell_the_same_facts()
    {
        Gen.Select(Cases, Gen.OneOfConst(Language.Ru, Language.It, Language.En), Gen.Date[new DateTime(2026, 1, 1), new DateTime(2026, 11, 25)]).Sample((c, buyer, paid) =>
        {
            c.Facts.PaidOn = DateOnly.FromDateTime(paid);
            foreach (var draftLanguage in buyer == Language.En ? [Language.En] : new[] { buyer, Language.En })
            {
                var t = Localizer.For(draftLanguage);
                foreach (var draft in new[] { Drafts.PayPalDispute(c, t, buyer), Drafts.BankLetter(c, t, buyer) })
                {
                    Assert.True(TelegramHtml.TryParse(t.Get("draft.bank.label", ("language", new Html(t["language.in.en"]))) + $"\n<pre>{draft}</pre>", out var plain, out var error), error);
                    Assert.InRange(plain.Length, 1, 4096);
                    Assert.Contains(c.OrderNumber!, plain, StringComparison.Ordinal);
                    foreach (var typed in new[] { c.Facts.Damage, c.Facts.Fault, c.Facts.Missing, c.Facts.Ordered, c.Facts.Received }.OfType<string>()
                                 .Select(text => text.TrimEnd('.') is { Length: > 0 } words ? words : text))
                    {
                        Assert.Contains(typed, plain, StringComparison.Ordinal);
                    }

                    Assert.Equal(EvidenceChecklist.Ready(c).Count > 0, plain.Contains(t["draft.route.evidence"], StringComparison.Ordinal));
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void A_case_file_with_no_facts_makes_a_complaint_without_numbered_points()
    {
        Gen.Select(Gen.Enum<ProblemKind>(), Gen.OneOfConst(Language.Ru, Language.It, Language.En)).Sample((problem, language) =>
        {
            var c = new Case { UserId = 1, CreatedAt = DateTimeOffset.UnixEpoch, OrderNumber = "8123456789012345", Problem = problem };
            var draft = Drafts.Complaint(c, Localizer.For(language), language);
            Assert.DoesNotContain("\n1. ", draft, StringComparison.Ordinal);
        });
    }

    /// <summary>Answers the questions in the order the flow asks them; some are skipped, as a buyer may.</summary>
    private static void Answer(Case c, int[] answers, string[] texts)
    {
        for (var i = 0; i < FactQuestions.For(c).Count; i++)
        {
            var question = FactQuestions.For(c)[i];
            var answer = answers[i % answers.Length];
            if (answer % 4 == 0)
            {
                FactQuestions.Skip(c, question);
                continue;
            }

            switch (FactQuestions.Kind(question))
            {
                case AnswerKind.Choice:
                    var choices = FactQuestions.Choices(question, c);
                    FactQuestions.TryChoose(c, question, choices[answer % choices.Count]);
                    break;
                case AnswerKind.Toggles:
                    var differences = FactQuestions.DifferencesFor(c.Problem);
                    for (var d = 0; d < differences.Count; d++)
                    {
                        if ((answer >> d & 1) == 1)
                        {
                            FactQuestions.TryToggle(c, question, (int)differences[d]);
                        }
                    }

                    break;
                case AnswerKind.Text:
                    FactQuestions.SetText(c, question, texts[answer % texts.Length]);
                    break;
                case AnswerKind.Date:
                    FactQuestions.SetDate(c, question, new DateOnly(2026, 11, 25).AddDays(-(answer % 120)));
                    break;
                case AnswerKind.Days:
                    FactQuestions.SetDays(c, answer % 60);
                    break;
            }
        }

        c.Facts.Note = answers[^1] % 2 == 0 ? texts[0] : null;
    }

    private static IEnumerable<string> Typed(CaseFacts f) =>
        new[] { f.Ordered, f.Received, f.Damage, f.Fault, f.Missing, f.CounterfeitSigns, f.WhatHappened, f.Note }
            .Concat(f.SellerArgument == SellerArgument.Other ? [f.SellerArgumentText] : [])
            .Concat(f.ClosingReason == ClosingReason.Other ? [f.ClosingReasonText] : [])
            .OfType<string>();
}
