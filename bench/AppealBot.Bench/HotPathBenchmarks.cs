using AppealBot.Conversation;
using AppealBot.Handling;
using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Reminders;
using AppealBot.Storage;
using AppealBot.Telegram;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Bench;

/// <summary>
/// The hot path in isolation (BenchmarkDotNet, allocations included):
/// one update through the real handler (state read, machine rebuilt, one transition, everything written),
/// rendering the heaviest reply (the complaint step with both drafts), and the dispatcher's claim query.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly User Buyer = new() { Id = 42, FirstName = "Bench", LanguageCode = "ru" };
    private static readonly Chat Private = new() { Id = 42, Type = ChatType.Private };

    private string _directory = "";
    private IHost _host = null!;
    private Database _database = null!;
    private InputHandler _handler = null!;
    private PressesInFlight _presses = null!;
    private UpdateWriter _writer = null!;
    private string _toggle = "";
    private int _nextUpdateId = 1;
    private Case _complaintCase = null!;
    private ConversationContext _context = null!;
    private ReminderQueue _queue = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Directory.CreateTempSubdirectory("appealbot-hotpath-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:AppealBot"] = $"Data Source={Path.Combine(_directory, "bot.db")}";
        builder.Services.AddAppealBotCore();
        _host = builder.Build();
        _database = _host.Services.GetRequiredService<Database>();
        await _host.Services.GetRequiredService<Migrator>().MigrateAsync();
        _handler = _host.Services.GetRequiredService<InputHandler>();
        _presses = _host.Services.GetRequiredService<PressesInFlight>();
        _writer = _host.Services.GetRequiredService<UpdateWriter>();

        // Walk one buyer to the evidence step; the benchmark then ticks an evidence item again and again.
        var reply = await StoreAsync(Message("/new"));
        reply = await StoreAsync(Message("8123 4567 8901 2345"));
        // Whatever the conversation asks on the way (the date, the problem, the case file, the claim, the reasons), the
        // first of these it offers is pressed, until the evidence step: a new question does not break the setup.
        string[] answers =
        [
            "button.to_evidence", "button.yesterday", "problem.Damaged", "compensation.FullRefund", "button.skip", "button.done",
            "fact.SellerArgument.DontKnow", "fact.ClosingReason.NoReasonGiven", "button.no", "fact.FaultStart.FromTheStart",
            "fact.Tracking.NoUpdates", "fact.PaymentMethod.Other", "fact.Protection.DontKnow",
        ];
        var texts = Localizer.For(Language.Ru);
        for (var step = 0; step < 80; step++)
        {
            var offered = reply!.Turn.Replies.SelectMany(r => r.Buttons?.Rows.SelectMany(row => row) ?? []).Select(b => b.Label).ToHashSet();
            var answer = answers.FirstOrDefault(key => offered.Contains(texts[key]))
                         ?? throw new InvalidOperationException($"The setup does not know how to answer: {reply.Turn.Replies[^1].Html}");
            reply = await StoreAsync(Press(reply, texts[answer]));
            if (answer == "button.to_evidence")
            {
                break;
            }
        }

        var photos = texts["evidence.label.Photos"];
        _toggle = reply!.Turn.Replies.SelectMany(r => r.Buttons?.Rows.SelectMany(row => row) ?? []).First(b => b.Label.Contains(photos, StringComparison.Ordinal)).Data;

        _complaintCase = new Case
        {
            Id = 1, UserId = 42, CreatedAt = DateTimeOffset.UnixEpoch, Step = CaseStep.Complaint, OrderNumber = "8123456789012345",
            Problem = ProblemKind.Damaged, DisputeClosedOn = new DateOnly(2026, 11, 20), Compensation = Compensation.PartialRefund,
            CompensationAmount = new Money(1500m, "RUB"), EvidenceReady = EvidenceItems.Photos | EvidenceItems.UnboxingVideo,
        };
        _context = new ConversationContext
        {
            User = UserProfile.New(42, 42, "ru", DateTimeOffset.UnixEpoch), Cases = null!, Now = DateTimeOffset.UnixEpoch, Reminders = new ReminderOptions(),
        };

        _queue = new ReminderQueue(_database);
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO users (id, chat_id, language, created_at, updated_at) VALUES (43, 43, 'en', 0, 0);
            INSERT INTO cases (id, user_id, step, created_at, updated_at) VALUES (1000, 43, 'Survey', 0, 0);
            WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 10000)
            INSERT INTO reminders (user_id, case_id, kind, step, planned_at, due_at, created_at) SELECT 43, 1000, 'Nudge', 'Survey', value, value, 0 FROM n;
            """);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One button press stored: read user and case, rebuild the machine, transition, write, roll back.</summary>
    [Benchmark]
    public async Task<int> OneUpdateThroughTheHandler()
    {
        await using var transaction = await _writer.BeginAsync(CancellationToken.None);
        var press = Press(_toggle, messageId: 1);
        var reply = await _handler.StoreAsync(transaction, Map(press));

        // Answered, as the lanes would: otherwise the next press of the same button is folded into this one.
        _presses.End(press.Id);
        return reply?.Turn.Replies.Count ?? 0;
    }

    [Benchmark]
    public int RenderComplaintStepWithBothDrafts()
    {
        var ru = Drafts.Complaint(_complaintCase, Localizer.For(Language.Ru), Language.Ru);
        var en = Drafts.Complaint(_complaintCase, Localizer.For(Language.En), Language.Ru);
        return ru.Length + en.Length + CaseView.Render(_complaintCase, _context).Html.Length;
    }

    /// <summary>The dispatcher's claim of 100 due rows among 10,000, rolled back so every run sees the same table.</summary>
    [Benchmark]
    public async Task<int> ClaimOneBatchOfDueReminders()
    {
        await using var connection = await _database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var claimed = await connection.QueryAsync<long>(
            """
            UPDATE reminders SET state = 'sending', claimed_at = 1
            WHERE id IN (SELECT id FROM reminders WHERE state = 'pending' AND due_at <= 20000 ORDER BY due_at, id LIMIT 100)
            RETURNING id;
            """, transaction: transaction);
        await transaction.RollbackAsync();
        return claimed.Count();
    }

    private async Task<PendingReply?> StoreAsync(Update update)
    {
        await using var transaction = await _writer.BeginAsync(CancellationToken.None);
        var reply = await _handler.StoreAsync(transaction, Map(update));
        await transaction.CommitAsync(CancellationToken.None);
        return reply;
    }

    /// <summary>As the Telegram side does it for every update.</summary>
    private static Inbound Map(Update update) => IncomingUpdate.From(update, botUsername: null)!;

    private Update Message(string text) => new()
    {
        Id = _nextUpdateId++,
        Message = new Message { Id = 1, From = Buyer, Chat = Private, Date = DateTime.UnixEpoch, Text = text },
    };

    private Update Press(PendingReply reply, string label) =>
        Press(reply.Turn.Replies.SelectMany(r => r.Buttons?.Rows.SelectMany(row => row) ?? []).First(b => b.Label == label).Data, 1);

    private Update Press(string data, int messageId) => new()
    {
        Id = _nextUpdateId++,
        CallbackQuery = new CallbackQuery { Id = "q", From = Buyer, ChatInstance = "c", Data = data, Message = new Message { Id = messageId, Chat = Private, Date = DateTime.UnixEpoch } },
    };
}
