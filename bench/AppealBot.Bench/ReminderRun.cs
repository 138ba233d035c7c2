using System.Diagnostics;
using System.Globalization;
using AppealBot.Storage;
using AppealBot.Tests.FakeTelegram;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppealBot.Bench;

/// <summary>
/// N users with a check-back reminder due at the same moment; the fake Telegram enforces the flood limits.
/// Reports the delivery rate against the cap, lateness, duplicates, 429s, the bot's memory and the cost of
/// one claim batch.
/// </summary>
internal static class ReminderRun
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var count = args.Int("count", 100_000);
        var cap = args.Double("cap", 30);
        var directory = Directory.CreateTempSubdirectory("appealbot-bench-").FullName;
        var database = Path.Combine(directory, "appealbot.db");
        Console.Error.WriteLine($"Seeding {count:N0} users, cases and due reminders into {database} …");

        var due = DateTimeOffset.UtcNow;
        await SeedAsync(database, count, due);
        var claimCost = await MeasureClaimAsync(database, due);
        var size = BotProcess.DatabaseMiB(database);

        await using var server = await FakeTelegramServer.StartAsync();
        server.EnforceFloodLimits(perSecond: cap, perChatPerSecond: 1, chatBurst: 4);
        for (var id = 1; id <= count; id++)
        {
            server.User(id, "en");
        }

        var memory = new List<double>();
        double peak = 0;
        var started = Stopwatch.StartNew();
        await using (var bot = BotProcess.Start(directory, new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = server.Token,
            ["Telegram__ApiBaseUrl"] = server.BaseUrl,
            ["Telegram__MessagesPerSecond"] = cap.ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings__AppealBot"] = $"Data Source={database}",
            ["Reminders__QuietHoursStart"] = "00:00",
            ["Reminders__QuietHoursEnd"] = "00:00",
            ["Reminders__FoldAfter"] = "1.00:00:00",
        }))
        {
            var deadline = TimeSpan.FromSeconds((count / cap * 1.5) + 120);
            while (Delivered(server) < count && started.Elapsed < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var (rss, high) = bot.Memory();
                memory.Add(rss);
                peak = Math.Max(peak, high);
                if (memory.Count % 30 == 0)
                {
                    Console.Error.WriteLine($"  {started.Elapsed:mm\\:ss} delivered {Delivered(server):N0}/{count:N0}, RSS {rss:F0} MiB");
                }
            }
        }

        var sends = server.CallsTo("sendMessage");
        var delivered = sends.Where(c => c.Succeeded).ToList();
        var duplicates = delivered.GroupBy(c => c.ChatId).Sum(g => g.Count() - 1);
        var tooMany = sends.Count(c => c.ErrorCode == 429);
        var first = delivered.Min(c => c.At);
        var last = delivered.Max(c => c.At);
        var rate = delivered.Count / Math.Max(0.001, (last - first).TotalSeconds);
        var lateness = delivered.Select(c => (c.At - due).TotalSeconds).Order().ToList();
        var steady = memory.Skip(memory.Count / 4).Order().ToList();

        Console.WriteLine($"""

            ### Reminders: {count:N0} due at once, cap {cap:0.#} messages/s (`dotnet run -c Release --project bench/AppealBot.Bench -- reminders --count {count} --cap {cap}`)

            | figure | value |
            |---|---|
            | delivered | {delivered.Count:N0} of {count:N0} |
            | delivery rate | {rate:F1} messages/s (cap {cap:0.#}) |
            | 429 answers from Telegram | {tooMany} |
            | duplicates | {duplicates} |
            | lateness p50 / p95 / max | {Percentile(lateness, 0.5):F0} s / {Percentile(lateness, 0.95):F0} s / {lateness.LastOrDefault():F0} s |
            | bot RSS steady (median) / peak | {Percentile(steady, 0.5):F0} MiB / {peak:F0} MiB |
            | claim of one batch of 100 (median of 20) | {claimCost:F2} ms |
            | database size | {size:F1} MiB ({size / count * 1000:F2} MiB per 1,000 cases with a reminder) |
            """);
        Directory.Delete(directory, recursive: true);
        return delivered.Count == count && duplicates == 0 ? 0 : 1;
    }

    private static int Delivered(FakeTelegramServer server) => server.CallsTo("sendMessage").Count(c => c.Succeeded);

    private static async Task SeedAsync(string path, int count, DateTimeOffset due)
    {
        var database = new Database($"Data Source={path}");
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync();
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var at = due.ToUnixTimeMilliseconds();
        for (var id = 1; id <= count; id++)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO users (id, chat_id, language, created_at, updated_at) VALUES (@id, @id, 'en', @at, @at);
                INSERT INTO cases (id, user_id, step, order_number, problem, filings, filed_on, check_back_due, created_at, updated_at)
                VALUES (@id, @id, 'CheckBack', @order, 'Damaged', 1, '2026-01-01', @at, @at, @at);
                INSERT INTO reminders (user_id, case_id, kind, step, planned_at, due_at, created_at) VALUES (@id, @id, 'CheckBack', 'CheckBack', @at, @at, @at);
                """,
                new { id, at, order = (8_100_000_000_000_000L + id).ToString(CultureInfo.InvariantCulture) },
                transaction);
        }

        await transaction.CommitAsync();
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>The dispatcher's claim statement against a copy of the seeded database.</summary>
    private static async Task<double> MeasureClaimAsync(string path, DateTimeOffset due)
    {
        var copy = path + ".claim";
        File.Copy(path, copy);
        var queue = new ReminderQueue(new Database($"Data Source={copy}"));
        var timings = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            await queue.ClaimDueAsync(due, 100, CancellationToken.None);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        SqliteConnection.ClearAllPools();
        File.Delete(copy);
        return Percentile([.. timings.Order()], 0.5);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
