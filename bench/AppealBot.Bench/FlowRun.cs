using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;

namespace AppealBot.Bench;

/// <summary>
/// Simulated buyers go through the whole recovery flow (new case → survey → support chat → complaint →
/// check-back → decision → refund), every step a real update and a real reply. Two runs: as fast as the bot
/// goes with N users at once (throughput), and a steady rate (latency).
/// </summary>
internal static partial class FlowRun
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var users = args.Int("users", 10_000);
        var rate = args.Int("rate", 1_000);
        var synchronous = args.Text("synchronous", "FULL");
        var directory = Directory.CreateTempSubdirectory("appealbot-bench-").FullName;
        var database = Path.Combine(directory, "appealbot.db");

        await using var server = await FakeTelegramServer.StartAsync();
        await using var outbox = new OutboxWatch(database);
        server.AnsweredBy = async updateId =>
        {
            await outbox.AnsweredAsync(updateId);
            if (server.DeliveredUpdate(updateId)?.CallbackQuery is { } press)
            {
                // Button answers are not stored: the fake server's record of the call says it was made.
                await server.WaitForCallAsync("answerCallbackQuery", call => call.Body.TryGetProperty("callback_query_id", out var id) && id.GetString() == press.Id,
                    TimeSpan.FromMinutes(1));
            }
        };
        var started = Stopwatch.StartNew();
        await using var bot = BotProcess.Start(directory, new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = server.Token,
            ["Telegram__ApiBaseUrl"] = server.BaseUrl,
            ["Telegram__MessagesPerSecond"] = "0",
            ["Bot__MaxConcurrentUsers"] = "64",
            ["ConnectionStrings__AppealBot"] = $"Data Source={database}",
            ["Storage__Synchronous"] = synchronous,
        });
        var warm = server.User(1, "en");
        await warm.SendAsync("/start", TimeSpan.FromSeconds(60));
        var ready = started.Elapsed;
        var (idle, _) = bot.Memory();

        // Throughput: every buyer at once, each step as soon as the previous reply came.
        var memory = new List<double>();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(bot, memory, sampling.Token);
        var buyers = Enumerable.Range(0, users).Select(i => server.User(100_000 + i, "en")).ToList();
        var latencies = new List<Latency>[users];
        var (botCpu, ownCpu) = (bot.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = users },
            async (i, _) => latencies[i] = await WalkAsync(buyers[i], i));
        var elapsed = watch.Elapsed;
        var updates = latencies.Sum(l => l.Count);
        var botCpuPerUpdate = (bot.CpuTime() - botCpu).TotalMicroseconds / updates;
        var ownCpuPerUpdate = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalMicroseconds / updates;
        await sampling.CancelAsync();
        await sampler;
        var size = BotProcess.DatabaseMiB(database);
        var throughputPeak = bot.Memory().Peak;

        // Latency: a steady rate from a pool of buyers who each take one step at a time.
        var steady = await SteadyAsync(server, rate, TimeSpan.FromSeconds(args.Int("seconds", 20)));
        var (afterRss, peak) = bot.Memory();
        var atTelegram = latencies.SelectMany(l => l).Select(l => l.AtTelegram).Order().ToList();
        var steadyAtTelegram = steady.Select(l => l.AtTelegram).Order().ToList();
        var steadyRoundTrip = steady.Select(l => l.RoundTrip).Order().ToList();

        Console.WriteLine($"""

            ### Flow: {users:N0} buyers at once, synchronous={synchronous} (`dotnet run -c Release --project bench/AppealBot.Bench -- flow --users {users} --synchronous {synchronous}`)

            | figure | value |
            |---|---|
            | updates handled (each a real reply) | {updates:N0} in {elapsed.TotalSeconds:F1} s |
            | **throughput** | **{updates / elapsed.TotalSeconds:N0} updates/s** |
            | CPU per update: the bot / the fake Telegram and the simulated users | {botCpuPerUpdate:F0} µs / {ownCpuPerUpdate:F0} µs (of 2 cores: {(botCpuPerUpdate + ownCpuPerUpdate) * updates / elapsed.TotalSeconds / 1e6:F2} busy) |
            | reply latency under that load p50 / p95 / p99 | {P(atTelegram, 0.5):F1} / {P(atTelegram, 0.95):F1} / {P(atTelegram, 0.99):F1} ms |
            | **steady {rate:N0} updates/s: reply latency p50 / p95 / p99** | **{P(steadyAtTelegram, 0.5):F2} / {P(steadyAtTelegram, 0.95):F2} / {P(steadyAtTelegram, 0.99):F2} ms** ({steady.Count:N0} updates) |
            | steady {rate:N0} updates/s: round trip as the simulated user sees it p50 / p95 / p99 | {P(steadyRoundTrip, 0.5):F2} / {P(steadyRoundTrip, 0.95):F2} / {P(steadyRoundTrip, 0.99):F2} ms |
            | bot RSS idle / under load (median) / peak | {idle:F0} / {P([.. memory.Order()], 0.5):F0} / {Math.Max(peak, throughputPeak):F0} MiB |
            | database size | {size:F1} MiB ({size / (users / 1000.0):F2} MiB per 1,000 cases) |
            | start to ready (first reply) | {ready.TotalMilliseconds:F0} ms |
            """);
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    /// <summary>One buyer's whole case; the latency of each step.</summary>
    private static async Task<List<Latency>> WalkAsync(FakeUser user, int index)
    {
        var timings = new List<Latency>(32);
        var patience = TimeSpan.FromMinutes(5);
        async Task Step(Func<Task<Reply>> act) => timings.Add(await Latency.OfAsync(act));

        Task Press(string key) => Step(() => user.PressAsync(Label(key), patience));
        Task Send(string text) => Step(() => user.SendAsync(text, patience));

        await Send("/start");
        await Press("button.new_case");
        await Send(string.Create(CultureInfo.InvariantCulture, $"8100 {index:00000000} 0000"));
        await Press("problem.Damaged");
        await Press("compensation.FullRefund");
        await Press("button.yesterday");
        for (var q = 0; q < 5; q++)
        {
            await Press("button.no");
        }

        await Press("button.to_evidence");
        await Step(() => user.PressAsync(Label("button.evidence.missing").Replace("{item}", Label("evidence.label.Photos"), StringComparison.Ordinal), patience));
        await Press("button.to_compensation");
        await Press("compensation.ReturnAndRefund");
        await Press("button.survey_done");
        await Press("button.to_complaint");
        await Press("button.filed");
        await Press("button.all_fine");
        await Step(() => user.PressAsync(Plural("button.in_days", 5), patience));
        await Press("button.accepted");
        await Press("button.skip");
        await Step(() => user.PressAsync(Plural("button.in_days", 7), patience));
        await Press("button.money_arrived");
        return timings;
    }

    private static async Task<List<Latency>> SteadyAsync(FakeTelegramServer server, int rate, TimeSpan duration)
    {
        var pool = Enumerable.Range(0, rate).Select(i => server.User(500_000 + i, "en")).ToList();
        var timings = new List<Latency>();
        var gate = new Lock();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(pool.Select((u, i) => (u, i)), new ParallelOptions { MaxDegreeOfParallelism = pool.Count }, async (entry, ct) =>
        {
            // Each buyer sends one update a second, the pool spread evenly over the second.
            var offset = TimeSpan.FromSeconds(entry.i / (double)pool.Count);
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var due = offset + TimeSpan.FromSeconds(n);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                var latency = await Latency.OfAsync(() => entry.u.SendAsync(n % 2 == 0 ? "/help" : "/status", TimeSpan.FromMinutes(1)));
                lock (gate)
                {
                    timings.Add(latency);
                }
            }
        });
        return timings;
    }

    private static async Task SampleAsync(BotProcess bot, List<double> memory, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            memory.Add(bot.Memory().Rss);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string Label(string key) => WebUtility.HtmlDecode(Tags().Replace(Localizer.For(Language.En)[key], ""));

    private static string Plural(string key, int count) => WebUtility.HtmlDecode(Tags().Replace(Localizer.For(Language.En).Plural(key, count), ""));

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    /// <summary>
    /// One step, in milliseconds: from the update being queued at Telegram to Telegram receiving the bot's last reply
    /// to it (the reply latency), and to the simulated user learning it was answered (which adds the bot's next
    /// getUpdates request, the fake's bookkeeping and the load generator's own scheduling).
    /// </summary>
    private readonly record struct Latency(double AtTelegram, double RoundTrip)
    {
        public static async Task<Latency> OfAsync(Func<Task<Reply>> act)
        {
            var queued = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            var reply = await act();
            var roundTrip = watch.Elapsed.TotalMilliseconds;
            var replied = reply.Operations.Count > 0 ? (reply.Operations[^1].At - queued).TotalMilliseconds : roundTrip;
            return new Latency(replied, roundTrip);
        }
    }
}
