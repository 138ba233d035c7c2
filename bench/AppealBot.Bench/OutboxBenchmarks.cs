using AppealBot.Conversation;
using AppealBot.Hosting;
using AppealBot.Storage;
using AppealBot.Telegram;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AppealBot.Bench;

/// <summary>
/// What the outbox adds to an update: its replies inserted in the update's own transaction (no commit of their own),
/// and their removal once Telegram accepted them: one commit (an fsync with synchronous=FULL) shared by every lane
/// that finished a message meanwhile, shown here alone (worst case) and shared by 100.
/// </summary>
[MemoryDiagnoser]
public class OutboxBenchmarks
{
    private const string Html = "📦 <b>Order 8123456789012345</b> · preparation · 19 questions left\n\nWhen was the dispute closed? If not today or yesterday, type the date, for example <code>03/12/2026</code>.";
    private static readonly Buttons Keyboard = Buttons.Row(new Button("Today", "s:1:2:date:0"), new Button("Yesterday", "s:1:2:date:1"), new Button("← Back", "s:1:2:back"));

    private string _directory = null!;
    private IHost _host = null!;
    private UpdateWriter _writer = null!;
    private OutboxStore _store = null!;
    private long _updateId;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Directory.CreateTempSubdirectory("appealbot-outbox-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:AppealBot"] = $"Data Source={Path.Combine(_directory, "bot.db")}";
        builder.Services.AddAppealBotCore();
        builder.Services.AddSingleton<OutboxStore>();
        _host = builder.Build();
        await _host.Services.GetRequiredService<Migrator>().MigrateAsync();
        _writer = _host.Services.GetRequiredService<UpdateWriter>();
        _store = _host.Services.GetRequiredService<OutboxStore>();
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Two replies (an edit and a new message, a typical button press) inserted, rolled back: the cost inside the update's commit.</summary>
    [Benchmark]
    public async Task<long> InsertATurnsTwoReplies()
    {
        await using var transaction = await _writer.BeginAsync(CancellationToken.None);
        return await InsertAsync(transaction) + await InsertAsync(transaction);
    }

    /// <summary>One reply written and committed, then removed in a commit of its own: a quiet bot, nothing to share the commit with.</summary>
    [Benchmark]
    public async Task RemoveOneSentReplyAlone()
    {
        long id;
        await using (var transaction = await _writer.BeginAsync(CancellationToken.None))
        {
            id = await InsertAsync(transaction);
            await transaction.CommitAsync(CancellationToken.None);
        }

        await _store.RemoveAsync([id], CancellationToken.None);
    }

    /// <summary>100 replies written in one commit (a batch) and removed in one commit, as the lanes share it under load; per 100.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public async Task WriteAndRemoveRepliesInBatchesOf100()
    {
        var ids = new List<long>(100);
        await using (var transaction = await _writer.BeginAsync(CancellationToken.None))
        {
            for (var i = 0; i < 100; i++)
            {
                ids.Add(await InsertAsync(transaction));
            }

            await transaction.CommitAsync(CancellationToken.None);
        }

        await _store.RemoveAsync(ids, CancellationToken.None);
    }

    private ValueTask<long> InsertAsync(UpdateTransaction transaction) =>
        transaction.AddToOutboxAsync(42, ++_updateId, OutboxKind.Message, messageId: null, Html, ButtonsJson.Write(Keyboard), supersedes: null, document: null, DateTimeOffset.UnixEpoch);
}
