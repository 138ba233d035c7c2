using AppealBot.Conversation;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;
using Xunit.Abstractions;
using AppealBot.Tests.TestKit.PostgreSql;

namespace AppealBot.Tests.Conversation;

/// <summary>
/// Buyers with a concrete story, one per kind of problem and language, go from "what went wrong" to the complaint
/// through the real host. The complaint must say what they told and nothing they did not: each typed detail
/// verbatim (quoted as theirs in the English copy), the seller's argument answered, only the ticked evidence.
/// </summary>
public class CaseFileTests(ITestOutputHelper output) : BotTests
{
    /// <summary>A buyer's story: how they answer the case file, what they tick, and the sentences their complaint must contain.</summary>
    private sealed record Story(
        ProblemKind Problem,
        Func<Buyer, Task> TellFacts,
        EvidenceItems[] Ticked,
        Func<Language, (string Key, (string, object?)[] Args)[]> Sentences,
        Func<Language, string[]> TypedDetails);

    private static readonly Dictionary<string, Dictionary<Language, string>> Words = new()
    {
        ["damage"] = new() { [Language.Ru] = "треснул корпус", [Language.It] = "la scocca è crepata", [Language.En] = "the case is cracked" },
        ["fault"] = new() { [Language.Ru] = "нет звука в правом наушнике", [Language.It] = "l'auricolare destro non suona", [Language.En] = "the right earbud makes no sound" },
        ["seller"] = new() { [Language.Ru] = "прислал видео, где наушники работают", [Language.It] = "ha mandato un video in cui funzionano", [Language.En] = "sent a video where they work" },
        ["ordered"] = new() { [Language.Ru] = "чёрный, размер M", [Language.It] = "nero, taglia M", [Language.En] = "black, size M" },
        ["received"] = new() { [Language.Ru] = "белый, размер S", [Language.It] = "bianco, taglia S", [Language.En] = "white, size S" },
        ["ordered_item"] = new() { [Language.Ru] = "чехол для iPhone 15", [Language.It] = "cover per iPhone 15", [Language.En] = "a case for iPhone 15" },
        ["received_item"] = new() { [Language.Ru] = "чехол для Samsung A54", [Language.It] = "cover per Samsung A54", [Language.En] = "a case for Samsung A54" },
        ["missing"] = new() { [Language.Ru] = "зарядка и кабель", [Language.It] = "il caricabatterie e il cavo", [Language.En] = "the charger and the cable" },
        ["closing"] = new() { [Language.Ru] = "продавец отправил полный комплект", [Language.It] = "il venditore ha spedito tutto", [Language.En] = "the seller shipped the full set" },
        ["fake"] = new() { [Language.Ru] = "нет серийного номера", [Language.It] = "manca il numero di serie", [Language.En] = "there is no serial number" },
        ["other"] = new() { [Language.Ru] = "продавец прислал товар без гарантийного талона", [Language.It] = "è arrivato senza garanzia", [Language.En] = "it came without the warranty card" },
        ["note"] = new() { [Language.Ru] = "продавец обещал замену в чате", [Language.It] = "in chat il venditore aveva promesso un cambio", [Language.En] = "the seller promised a replacement in the chat" },
    };

    private static readonly Story[] Stories =
    [
        new(ProblemKind.NotReceived,
            async b =>
            {
                await b.Press("fact.Tracking.Delivered");
                await b.Send("RR123456789CN");
                await b.Send("15.11.2026");
                await b.Press("fact.SellerArgument.DeliveredPerTracking");
                await b.Press("fact.ClosingReason.TrackingShowsDelivered");
            },
            [EvidenceItems.TrackingScreenshot, EvidenceItems.CarrierStatement],
            _ =>
            [
                ("draft.problem.NotReceived.Delivered", []),
                ("draft.point.tracking_number", [("number", "RR123456789CN")]),
                ("draft.point.promised_by", [("date", new DateOnly(2026, 11, 15))]),
                ("draft.seller.DeliveredPerTracking", []),
                ("draft.closing.TrackingShowsDelivered", []),
                ("draft.answer.delivered.statement", []),
                ("draft.answer.ask_proof", []),
            ],
            _ => []),
        new(ProblemKind.NotReceived,
            async b =>
            {
                await b.Press("fact.Tracking.Stuck");
                await b.Send("26.09.2026");
                await b.Press("button.skip");
                await b.Press("button.skip");
                await b.Press("fact.SellerArgument.NoAnswer");
                await b.Press("fact.ClosingReason.ResponseTimeout");
            },
            [EvidenceItems.TrackingScreenshot],
            _ =>
            [
                ("draft.problem.NotReceived.Stuck", []),
                ("draft.point.stuck_since", [("date", new DateOnly(2026, 9, 26))]),
                ("draft.seller.NoAnswer", []),
                ("draft.closing.ResponseTimeout", []),
            ],
            _ => []),
        new(ProblemKind.Damaged,
            async b =>
            {
                await b.Send(Words["damage"][b.Language]);
                await b.Press("button.yes");
                await b.Press("fact.SellerArgument.BuyerCausedDamage");
                await b.Press("fact.ClosingReason.NotEnoughEvidence");
            },
            [EvidenceItems.UnboxingVideo, EvidenceItems.ParcelPhotos],
            _ =>
            [
                ("draft.problem.Damaged", []),
                ("draft.point.parcel_damaged", []),
                ("draft.seller.BuyerCausedDamage.video", []),
                ("draft.closing.NotEnoughEvidence", []),
            ],
            l => [Words["damage"][l]]),
        new(ProblemKind.Defective,
            async b =>
            {
                await b.Send(Words["fault"][b.Language]);
                await b.Press("fact.FaultStart.Later");
                await b.Send("3");
                await b.Send(Words["seller"][b.Language]);
                await b.Press("fact.ClosingReason.SellerEvidence");
            },
            [EvidenceItems.NotWorkingVideo],
            _ =>
            [
                ("draft.problem.Defective", []),
                ("draft.closing.SellerEvidence.evidence", []),
            ],
            l => [Words["fault"][l], Words["seller"][l]]),
        new(ProblemKind.NotAsDescribed,
            async b =>
            {
                await b.TickDifference("Colour");
                await b.TickDifference("Size");
                await b.Press("button.done");
                await b.Send(Words["ordered"][b.Language]);
                await b.Send(Words["received"][b.Language]);
                await b.Press("fact.SellerArgument.AsDescribed");
                await b.Press("fact.ClosingReason.NoReasonGiven");
            },
            [EvidenceItems.MeasurementPhotos, EvidenceItems.ListingScreenshots],
            _ =>
            [
                ("draft.problem.NotAsDescribed", []),
                ("draft.seller.AsDescribed.evidence", []),
            ],
            l => [Words["ordered"][l], Words["received"][l]]),
        new(ProblemKind.WrongItem,
            async b =>
            {
                await b.TickDifference("OtherItem");
                await b.Press("button.done");
                await b.Send(Words["ordered_item"][b.Language]);
                await b.Send(Words["received_item"][b.Language]);
                await b.Press("fact.SellerArgument.NoAnswer");
                await b.Press("fact.ClosingReason.ResponseTimeout");
            },
            [EvidenceItems.Photos],
            _ =>
            [
                ("draft.problem.WrongItem", []),
                ("draft.seller.NoAnswer", []),
                ("draft.closing.ResponseTimeout", []),
            ],
            l => [Words["ordered_item"][l], Words["received_item"][l]]),
        new(ProblemKind.MissingParts,
            async b =>
            {
                await b.Send(Words["missing"][b.Language]);
                await b.Press("fact.SellerArgument.OfferedPartialRefund");
                await b.Send(Words["closing"][b.Language]);
            },
            [EvidenceItems.UnboxingVideo],
            _ =>
            [
                ("draft.problem.MissingParts", []),
                ("draft.seller.OfferedPartialRefund", []),
            ],
            l => [Words["missing"][l], Words["closing"][l]]),
        new(ProblemKind.Counterfeit,
            async b =>
            {
                await b.Send(Words["fake"][b.Language]);
                await b.Press("fact.SellerArgument.AsDescribed");
                await b.Press("fact.ClosingReason.SellerEvidence");
            },
            [],
            _ =>
            [
                ("draft.problem.Counterfeit", []),
                ("draft.seller.AsDescribed", []),
                ("draft.closing.SellerEvidence", []),
            ],
            l => [Words["fake"][l]]),
        new(ProblemKind.Other,
            async b =>
            {
                await b.Send(Words["other"][b.Language]);
                await b.Press("fact.SellerArgument.DontKnow");
                await b.Press("fact.ClosingReason.NoReasonGiven");
            },
            [EvidenceItems.SellerChat],
            _ => [("draft.problem.Other", [])],
            l => [Words["other"][l]]),
    ];

    public static TheoryData<int, string> StoriesByLanguage()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Stories.Length; i++)
        {
            foreach (var language in Languages.All)
            {
                data.Add(i, language.Code());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StoriesByLanguage))]
    public async Task The_complaint_tells_the_buyers_own_story_and_claims_only_the_ticked_evidence(int story, string code)
    {
        var s = Stories[story];
        var language = Languages.FromTelegramCode(code);
        var buyer = Buyer.Of(Bot, 7000 + story, language);
        await buyer.Send("/new");
        await buyer.Send($"8123 4567 8901 {7000 + story}");
        await buyer.Press("button.yesterday");
        await buyer.Press($"problem.{s.Problem}");
        await s.TellFacts(buyer);
        await buyer.SkipFactsAsync();
        await buyer.Press("compensation.FullRefund");
        await buyer.AnswerAllReasons(wellPrepared: true);
        await buyer.Press("button.to_evidence");
        foreach (var item in s.Ticked)
        {
            await buyer.Tick(item.ToString());
        }

        await buyer.Press("button.to_compensation");
        var ask = s.Problem == ProblemKind.NotReceived ? nameof(Compensation.FullRefund) : nameof(Compensation.ReturnAndRefund);
        await buyer.Press($"compensation.{ask}");
        await buyer.Send(Words["note"][language]);
        await buyer.Press("button.survey_done");
        var complaint = await buyer.Press("button.to_complaint");

        var drafts = complaint.Messages.Where(m => m.Html.Contains("<pre>", StringComparison.Ordinal)).Select(m => m.Text).ToList();
        Assert.Equal(language == Language.En ? 1 : 2, drafts.Count);
        foreach (var (draft, draftLanguage) in drafts.Zip(language == Language.En ? [Language.En] : new[] { language, Language.En }))
        {
            output.WriteLine(draft + "\n");
            Assert.InRange(draft.Length, 1, 4096);
            var texts = Localizer.For(draftLanguage);
            foreach (var (key, args) in s.Sentences(draftLanguage))
            {
                Assert.Contains(Texts.Plain(draftLanguage, key, args), draft, StringComparison.Ordinal);
            }

            foreach (var typed in s.TypedDetails(language).Append(Words["note"][language]))
            {
                var expected = draftLanguage == language
                    ? typed
                    : Texts.Plain(Language.En, "draft.quote.foreign", ("text", typed), ("language", new Html(texts[$"language.in.{language.Code()}"])));
                Assert.Contains(expected, draft, StringComparison.Ordinal);
            }

            var @case = new Case { UserId = 0, CreatedAt = DateTimeOffset.UnixEpoch, Problem = s.Problem };
            var lines = draft.Split('\n');
            foreach (var item in Enum.GetValues<EvidenceItems>().Where(i => i != EvidenceItems.None))
            {
                var shortText = Texts.Plain(draftLanguage, texts.Has($"evidence.short.{item}") ? $"evidence.short.{item}" : $"evidence.short.{item}{EvidenceChecklist.Variant(@case, item)}");
                Assert.Equal(s.Ticked.Contains(item), lines.Contains("- " + shortText));
            }

            Assert.Equal(s.Ticked.Length > 0, draft.Contains(Texts.Plain(draftLanguage, "draft.complaint.evidence"), StringComparison.Ordinal));
            Assert.EndsWith(Texts.Plain(draftLanguage, $"draft.complaint.ask.{ask}"), draft.TrimEnd(), StringComparison.Ordinal);
        }

        var intro = complaint.Messages[0].Text;
        Assert.Equal(s.Ticked.Length == 0, intro.Contains(buyer.Label("step.complaint.no_evidence", ("first", "")).Split(':')[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saying_filed_again_after_stepping_back_to_the_drafts_is_still_one_filing()
    {
        var buyer = Buyer.Of(Bot, 7101, Language.En);
        await buyer.FileComplaintAsync();
        var drafts = await buyer.Press("button.back");
        Assert.Contains(buyer.Label("button.filed"), drafts.ButtonTexts);

        await buyer.Press("button.filed");

        Assert.Equal([(1L, 0L, "CheckBack")], await Bot.QueryAsync<(long, long, string)>("SELECT filings, rejections, step FROM cases"));
    }

    [Fact]
    public async Task Stepping_back_from_the_rejection_question_takes_the_rejection_back()
    {
        var buyer = Buyer.Of(Bot, 7102, Language.En);
        await buyer.FileComplaintAsync();
        await buyer.Answer("button.all_fine");
        await buyer.PressDays(3);
        await buyer.Answer("button.rejected");
        await buyer.Press("button.back");
        await buyer.Answer("button.rejected");
        await buyer.Press("rejection.NoReasonGiven");
        await buyer.Press("button.file_once_more");
        await buyer.Press("button.to_new_complaint");
        await buyer.Press("button.back");
        await buyer.Press("button.to_new_complaint");
        await buyer.Press("button.filed_again");

        Assert.Equal([(2L, 1L, "CheckBack")], await Bot.QueryAsync<(long, long, string)>("SELECT filings, rejections, step FROM cases"));
    }

    [Fact]
    public async Task The_export_holds_the_case_file_as_the_buyer_told_it()
    {
        var buyer = Buyer.Of(Bot, 7103, Language.Ru);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.Defective");
        await buyer.Send("нет звука в правом наушнике");
        await buyer.Press("fact.FaultStart.FromTheStart");
        await buyer.Press("fact.SellerArgument.BuyerCausedDamage");

        var reply = await buyer.Send("/export");

        var file = reply.Messages.Single(m => m.File is not null).File!;
        using var json = System.Text.Json.JsonDocument.Parse(file.Content);
        var facts = json.RootElement.GetProperty("Cases").EnumerateArray().Single().GetProperty("Facts");
        Assert.Equal("нет звука в правом наушнике", facts.GetProperty("Fault").GetString());
        Assert.Equal("FromTheStart", facts.GetProperty("FaultStart").GetString());
        Assert.Equal("BuyerCausedDamage", facts.GetProperty("SellerArgument").GetString());
        Assert.Contains("нет звука", System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_the_case_file_and_a_corrected_fact_changes_the_complaint()
    {
        var buyer = Buyer.Of(Bot, 7104, Language.It);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.Damaged");
        await buyer.Send("graffio sul vetro");
        await buyer.SkipFactsAsync(await buyer.Press("button.no"));
        await buyer.Press("compensation.FullRefund");
        await buyer.AnswerAllReasons(wellPrepared: true);
        await buyer.Press("button.to_evidence");
        await buyer.Tick("Photos");
        await buyer.Press("button.to_compensation");
        await buyer.Press("compensation.FullRefund");
        await buyer.Press("button.skip");

        var status = await buyer.Send("/status");
        Assert.Contains(buyer.Label("file.line", ("name", buyer.Label("fact.name.Damage")), ("value", "graffio sul vetro")), status.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("file.line", ("name", buyer.Label("fact.name.ParcelDamaged")), ("value", buyer.Label("button.no"))), status.Last.Text, StringComparison.Ordinal);
        var menu = await buyer.Press("button.open_file");
        Assert.Contains(buyer.Label("button.edit_fact", ("name", buyer.Label("fact.name.Damage"))), menu.ButtonTexts);
        var editing = await buyer.Press("button.edit_fact", ("name", new Html(Localizer.For(Language.It)["fact.name.Damage"])));
        Assert.Contains(buyer.Label("file.now", ("value", "graffio sul vetro")), editing.Last.Text, StringComparison.Ordinal);
        var back = await buyer.Send("vetro frantumato");
        Assert.Contains(buyer.Label("file.saved"), back.Last.Text, StringComparison.Ordinal);
        Assert.Contains("1/6", back.Last.Text.Replace(" di ", "/", StringComparison.Ordinal), StringComparison.Ordinal);

        await buyer.Press("button.survey_done");
        var complaint = await buyer.Press("button.to_complaint");
        Assert.Contains(buyer.Label("draft.point.damage", ("detail", "vetro frantumato")), complaint.Messages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("graffio", complaint.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_evidence_the_complaint_step_says_so_and_evidence_ticked_from_there_is_listed()
    {
        var buyer = Buyer.Of(Bot, 7105, Language.En);
        await buyer.ToEvidenceAsync();
        await buyer.Press("button.to_compensation");
        await buyer.Press("compensation.ReturnAndRefund");
        await buyer.Press("button.skip");
        await buyer.Press("button.survey_done");
        var complaint = await buyer.Press("button.to_complaint");
        Assert.Contains("No evidence is ticked.", complaint.Messages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(buyer.Label("draft.complaint.evidence"), complaint.Messages[1].Text, StringComparison.Ordinal);

        var checklist = await buyer.Press("button.edit_evidence");
        Assert.Contains(buyer.Label("button.done"), checklist.ButtonTexts);
        await buyer.Tick("UnboxingVideo");
        var again = await buyer.Press("button.done");

        Assert.DoesNotContain("No evidence is ticked.", again.Text, StringComparison.Ordinal);
        Assert.Contains("Evidence attached:\n- unboxing video", again.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("button.filed"), again.ButtonTexts);
    }

    [Fact]
    public async Task A_refile_after_a_rejection_for_lack_of_evidence_warns_when_nothing_new_was_ticked()
    {
        var buyer = Buyer.Of(Bot, 7106, Language.Ru);
        await buyer.FileComplaintAsync();
        await buyer.Answer("button.all_fine");
        await buyer.PressDays(3);
        await buyer.Answer("button.rejected");
        await buyer.Press("rejection.NotEnoughEvidence");
        await buyer.Press("button.file_once_more");

        var refile = await buyer.Press("button.to_new_complaint");

        Assert.Contains("⚠️ С прошлой жалобы не отмечено ничего нового", refile.Messages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("добавлены", refile.Messages[1].Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("draft.rejection.repeat"), refile.Messages[1].Text, StringComparison.Ordinal);
    }
}

/// <summary>The same tests with the bot on PostgreSQL.</summary>
// One bot on PostgreSQL at a time: bots side by side on the one test cluster can exhaust its connections.
[Collection("Bots on PostgreSQL")]
public sealed class CaseFileTestsOnPostgreSql(ITestOutputHelper output) : CaseFileTests(output), IRunsOnPostgreSql;
