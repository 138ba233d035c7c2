using System.Diagnostics;
using System.Globalization;
using System.Text;
using AppealBot.Tests.FakeTelegram;

namespace AppealBot.Bench;

/// <summary>
/// Simulated buyers go through the whole recovery flow (new case → case file → evidence → survey → support chat →
/// complaint → check-back → decision → refund), every step a real update and a real reply. Runs: the bot idle after
/// start-up (its CPU per minute), N buyers at once (throughput), steady rates (latency and the bot's CPU per
/// update), and idle again after the traffic.
/// </summary>
internal static class FlowRun
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var users = args.Int("users", 10_000);
        var rates = args.Text("rates", args.Text("rate", "30,100,1000")).Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
        var seconds = args.Int("seconds", 20);
        var idleSeconds = args.Int("idle", 60);
        var warmup = args.Int("warmup", 5);
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
                // Button answers are not stored, and go out apart from the outbox (usually before it is empty): look
                // the answer up by its query id. Not WaitForCallAsync, which scans the whole call log for each press.
                while (server.AnswerTo(press.Id) is null)
                {
                    await Task.Delay(1);
                }
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
        var (idleRss, _) = bot.Memory();

        // Idle: no traffic after start-up; what the bot's own timers and loops cost.
        var idleAfterStart = await IdleCpuPerMinuteAsync(bot, idleSeconds);
        Console.Error.WriteLine($"idle after start-up: {idleAfterStart:F1} ms of CPU per minute");

        // Throughput: every buyer at once, each step as soon as the previous reply came.
        var memory = new List<double>();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(bot, memory, sampling.Token);
        var latencies = new List<StepLatency>[users];
        var (botCpu, ownCpu) = (bot.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = users },
            async (i, _) => latencies[i] = await new FlowBuyer(server.User(100_000 + i, "en"), TimeSpan.FromMinutes(5)).WalkAsync(i));
        var elapsed = watch.Elapsed;
        var updates = latencies.Sum(l => l.Count);
        var botCpuPerUpdate = (bot.CpuTime() - botCpu).TotalMicroseconds / updates;
        var ownCpuPerUpdate = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalMicroseconds / updates;
        await sampling.CancelAsync();
        await sampler;
        var size = BotProcess.DatabaseMiB(database);
        var throughputPeak = bot.Memory().Peak;
        var atTelegram = latencies.SelectMany(l => l).Select(l => l.AtTelegram).Order().ToList();
        Console.Error.WriteLine($"throughput: {updates:N0} updates in {elapsed.TotalSeconds:F1} s, bot {botCpuPerUpdate:F0} µs per update");

        // Steady rates: a pool of buyers who each take one step a second; the bot's CPU over exactly that window.
        var steadyRows = new StringBuilder();
        var firstUser = 1_000_000;
        foreach (var rate in rates)
        {
            // Unmeasured first: the JIT's second tier and the collector catch up with the run before at the new rate.
            await SteadyAsync(server, bot, firstUser, rate, TimeSpan.FromSeconds(warmup));
            var steady = await SteadyAsync(server, bot, firstUser, rate, TimeSpan.FromSeconds(seconds));
            firstUser += rate;
            var sorted = steady.Latencies.Select(l => l.AtTelegram).Order().ToList();
            var roundTrip = steady.Latencies.Select(l => l.RoundTrip).Order().ToList();
            Console.Error.WriteLine($"steady {rate}/s: {steady.BotCpuPerUpdate:F0} µs per update");
            steadyRows.AppendLine(CultureInfo.InvariantCulture,
                $"| steady {rate:N0} updates/s ({steady.Latencies.Count:N0} updates, {steady.Achieved:N0}/s achieved) | **{steady.BotCpuPerUpdate:F0} µs** ({steady.BotCores:F3} of a core) | {P(sorted, 0.5):F2} / {P(sorted, 0.95):F2} / {P(sorted, 0.99):F2} ms | {P(roundTrip, 0.5):F2} / {P(roundTrip, 0.95):F2} / {P(roundTrip, 0.99):F2} ms |");
        }

        var (afterRss, peak) = bot.Memory();
        var idleAfterLoad = await IdleCpuPerMinuteAsync(bot, idleSeconds);
        Console.Error.WriteLine($"idle after the load: {idleAfterLoad:F1} ms of CPU per minute");

        Console.WriteLine($"""

            ### Flow: {users:N0} buyers at once, synchronous={synchronous}

            | figure | value |
            |---|---|
            | updates handled (each a real reply) | {updates:N0} in {elapsed.TotalSeconds:F1} s ({updates / (double)users:F0} per buyer) |
            | **throughput** | **{updates / elapsed.TotalSeconds:N0} updates/s** |
            | CPU per update: the bot / the fake Telegram and the simulated users | {botCpuPerUpdate:F0} µs / {ownCpuPerUpdate:F0} µs (of 2 cores: {(botCpuPerUpdate + ownCpuPerUpdate) * updates / elapsed.TotalSeconds / 1e6:F2} busy) |
            | reply latency under that load p50 / p95 / p99 | {P(atTelegram, 0.5):F1} / {P(atTelegram, 0.95):F1} / {P(atTelegram, 0.99):F1} ms |
            | **bot idle CPU after start-up / after the load** | **{idleAfterStart:F1} / {idleAfterLoad:F1} ms per minute** (over {idleSeconds} s each) |
            | bot RSS idle / under load (median) / peak / after the load | {idleRss:F0} / {P([.. memory.Order()], 0.5):F0} / {Math.Max(peak, throughputPeak):F0} / {afterRss:F0} MiB |
            | database size | {size:F1} MiB ({size / (users / 1000.0):F2} MiB per 1,000 cases) |
            | start to ready (first reply) | {ready.TotalMilliseconds:F0} ms |

            | steady rate | bot CPU per update | reply latency p50 / p95 / p99 | the simulated user's round trip p50 / p95 / p99 |
            |---|---:|---:|---:|
            {steadyRows.ToString().TrimEnd()}
            """);
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    /// <summary>The bot's CPU time over <paramref name="seconds"/> without traffic (after a 5 s settle), in ms per minute.</summary>
    private static async Task<double> IdleCpuPerMinuteAsync(BotProcess bot, int seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = bot.CpuTime();
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return (bot.CpuTime() - before).TotalMilliseconds / watch.Elapsed.TotalMinutes;
    }

    private sealed record Steady(List<StepLatency> Latencies, double BotCpuPerUpdate, double BotCores, double Achieved);

    private static async Task<Steady> SteadyAsync(FakeTelegramServer server, BotProcess bot, int firstUser, int rate, TimeSpan duration)
    {
        var pool = Enumerable.Range(0, rate).Select(i => server.User(firstUser + i, "en")).ToList();
        var timings = new List<StepLatency>();
        var gate = new Lock();
        var cpu = bot.CpuTime();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(pool.Select((u, i) => (u, i)), new ParallelOptions { MaxDegreeOfParallelism = pool.Count }, async (entry, ct) =>
        {
            // Each buyer sends one update a second, the pool spread evenly over the second.
            var offset = TimeSpan.FromSeconds(entry.i / (double)pool.Count);
            for (var n = 0; offset + TimeSpan.FromSeconds(n) < duration; n++)
            {
                var wait = offset + TimeSpan.FromSeconds(n) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                var (latency, _) = await StepLatency.OfAsync(() => entry.u.SendAsync(n % 2 == 0 ? "/help" : "/status", TimeSpan.FromMinutes(1)));
                lock (gate)
                {
                    timings.Add(latency);
                }
            }
        });
        var elapsed = clock.Elapsed;
        var used = bot.CpuTime() - cpu;
        return new Steady(timings, used.TotalMicroseconds / timings.Count, used / elapsed, timings.Count / elapsed.TotalSeconds);
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

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
