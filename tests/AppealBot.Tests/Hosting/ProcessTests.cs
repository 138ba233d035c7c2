using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using AppealBot.Tests.FakeTelegram;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AppealBot.Tests.Hosting;

/// <summary>
/// The real AppealBot executable as a child process, the way an operator or systemd runs it: exit codes,
/// what reaches stdout/stderr, and SIGTERM. Each test gets a fresh directory (working directory and database).
/// </summary>
public sealed class ProcessTests(ITestOutputHelper output) : IDisposable
{
    private const string StackTraceMarker = "   at ";
    private const string WebhookSecret = "process-Test_secret";

    private readonly ITestOutputHelper _output = output;

    private readonly string _directory = Directory.CreateTempSubdirectory("appealbot-process-").FullName;

    private string DatabasePath => Path.Combine(_directory, "appealbot.db");

    [Fact]
    public async Task Missing_token_exits_non_zero_with_one_clear_line()
    {
        var result = await RunToExitAsync();

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad configuration).\n{result}");
        var line = SingleLine(result);
        Assert.Contains("Telegram__BotToken", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Malformed_token_exits_non_zero_with_one_clear_line_that_hides_the_token()
    {
        var result = await RunToExitAsync(new() { ["Telegram__BotToken"] = "not-a-token" });

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad configuration).\n{result}");
        var line = SingleLine(result);
        Assert.Contains("Telegram__BotToken", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
        Assert.DoesNotContain("not-a-token", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_rejected_by_Telegram_exits_with_code_3_naming_the_variable_but_not_the_token()
    {
        await using var server = await FakeTelegramServer.StartAsync("123456:TEST-token");

        var result = await RunToExitAsync(new()
        {
            ["Telegram__BotToken"] = "654321:WRONG-token",
            ["Telegram__ApiBaseUrl"] = server.BaseUrl,
        });

        Assert.True(result.ExitCode == 3, $"Expected exit code 3 (token rejected).\n{result}");
        Assert.Contains("Telegram__BotToken", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG-token", result.Stdout + result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
        Assert.Contains(server.CallsTo("getMe"), call => call.ErrorCode == 401);
    }

    [Fact]
    public async Task Running_bot_answers_a_user_and_exits_with_code_0_on_SIGTERM()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        await using var app = AppProcess.Start(_directory, BotEnvironment(server));

        var user = server.User(7001, "ru");
        user.EnqueueMessage("/start");
        var reply = await app.WhileRunningAsync(server.WaitForCallAsync("sendMessage", c => c.Succeeded && c.ChatId == user.ChatId, AppProcess.Patience));
        Assert.Contains("Здравствуйте", reply.Text, StringComparison.Ordinal);

        SendSigterm(app.Id);
        var result = await app.WaitForExitAsync();
        _output.WriteLine($"dotnet exec {AppProcess.DllPath}\n{result}");

        Assert.True(result.ExitCode == 0, $"Expected exit code 0 after SIGTERM.\n{result}");
        Assert.True(result.Stderr.Length == 0, $"Expected nothing on stderr.\n{result}");
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData(9)] // SIGKILL: nothing runs at exit
    [InlineData(15)] // SIGTERM, with a drain too short to send everything: the rest waits in the outbox
    public async Task Stopped_three_times_mid_burst_every_update_gets_exactly_its_replies_in_order(int signal)
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var users = Enumerable.Range(0, 100).Select(i => server.User(7200 + i, i % 2 == 0 ? "ru" : "it")).ToList();
        var environment = BotEnvironment(server);
        // Telegram's pace (30 replies a second) keeps the burst going for seconds, so each stop lands in the middle of it.
        environment["Telegram__MessagesPerSecond"] = "30";
        environment["Telegram__ShutdownDrain"] = "00:00:00.300";
        var first = AppProcess.Start(_directory, environment);
        users[0].EnqueueMessage("/start");
        await first.WhileRunningAsync(server.WaitForCallAsync("sendMessage", c => c.Succeeded && c.ChatId == users[0].ChatId, AppProcess.Patience));

        // Every user's three messages, interleaved: only handled in order and once do they leave one case at the problem step.
        var burst = new List<long>();
        foreach (var step in new[] { "/new", "ORDER", "/status" })
        {
            foreach (var (user, i) in users.Select((u, i) => (u, i)))
            {
                burst.Add(user.EnqueueMessage(step == "ORDER" ? $"8200 0000 0000 {i:0000}" : step));
            }
        }

        const int Stops = 3;
        var app = first;
        for (var stop = 1; stop <= Stops; stop++)
        {
            // Stopped once the updates are in and replies are going out: a reply is owed in the middle of being sent.
            var (sentBefore, seen) = (server.CallsTo("sendMessage").Count, 0);
            await app.WhileRunningAsync(server.WaitForCallAsync("sendMessage", _ => ++seen > Math.Min(sentBefore + 15, 1 + burst.Count), AppProcess.Patience));
            if (signal == 9)
            {
                await app.KillAsync();
            }
            else
            {
                SendSigterm(app.Id);
                var stopped = await app.WaitForExitAsync();
                Assert.True(stopped.ExitCode == 0, $"Expected exit code 0 after SIGTERM.\n{stopped}");
            }

            await app.DisposeAsync();
            if (stop == Stops)
            {
                // The last run may take its time: stopped once everything is stored, it sends all it owes before it exits.
                environment["Telegram__ShutdownDrain"] = "00:00:30";
            }

            // Connected (deleteWebhook is the last start-up call) before it can be stopped again.
            var started = server.CallsTo("deleteWebhook").Count;
            app = AppProcess.Start(_directory, environment);
            await app.WhileRunningAsync(server.WaitForCallAsync("deleteWebhook", call => call.Succeeded && --started < 0, AppProcess.Patience));
        }

        await using var last = app;
        await last.WhileRunningAsync(server.WaitUntilConfirmedAsync(burst[^1], AppProcess.Patience).ContinueWith(_ => 0, TaskScheduler.Default));
        SendSigterm(last.Id);
        Assert.Equal(0, (await last.WaitForExitAsync()).ExitCode);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox"));
        var handled = (await connection.QueryAsync<long>("SELECT update_id FROM handled_updates")).ToHashSet();
        Assert.All(burst, id => Assert.Contains(id, handled));

        var repeated = 0;
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            // What reached the user, in order: each update's reply once (the /status reply repeats the question it is at),
            // plus, after a SIGKILL, at most one message sent again right after itself.
            var received = server.CallsTo("sendMessage").Where(c => c.Applied && c.ChatId == user.ChatId).Select(c => c.Text!).ToList();
            var expected = i == 0 ? 4 : 3;
            var distinct = received.Where((text, k) => k == 0 || received[k - 1] != text).ToList();
            Assert.True(distinct.Count == expected - 1 && received.Count >= expected, $"user {i}:\n{string.Join("\n", received)}");
            Assert.Contains($"820000000000{i:0000}", distinct[^1], StringComparison.Ordinal);
            Assert.InRange(received.Count - expected, 0, signal == 9 ? Stops : 0);
            repeated += received.Count - expected;
        }

        _output.WriteLine($"signal {signal}: {Stops} stops, {users.Count * 3} updates, 0 replies missing, {repeated} repeated");
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Chat_mode_answers_help_in_italian_without_a_token()
    {
        var result = await RunToExitAsync(stdin: "/help\n", args: ["chat", "--lang", "it"]);

        Assert.True(result.ExitCode == 0, $"Expected exit code 0.\n{result}");
        Assert.Contains("Cosa so fare", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/new", result.Stdout, StringComparison.Ordinal);
        AssertNoStackTrace(result);
        Assert.True(File.Exists(DatabasePath), $"Expected the database at {DatabasePath} (ConnectionStrings__AppealBot).\n{result}");
    }

    [Fact]
    public async Task Chat_mode_uses_its_own_database_by_default_and_greets_once()
    {
        var result = await RunToExitAsync(new() { ["ConnectionStrings__AppealBot"] = null }, stdin: "/start\n/help\n", args: ["chat", "--lang", "it"]);

        Assert.True(result.ExitCode == 0, $"Expected exit code 0.\n{result}");
        Assert.Equal(2, result.Stdout.Split("Sono AppealBot").Length);
        Assert.Contains("Cosa so fare", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "appealbot-chat.db")), $"Expected the try-out's own database.\n{result}");
        Assert.False(File.Exists(DatabasePath), "The try-out must not create the real bot's appealbot.db.");
    }

    [Fact]
    public async Task Chat_mode_refuses_the_database_of_a_running_bot_with_exit_code_6()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        await using var bot = AppProcess.Start(_directory, BotEnvironment(server));
        await bot.WhileRunningAsync(server.User(7002, "en").SendAsync("/start", AppProcess.Patience));

        var chat = await RunToExitAsync(stdin: "/help\n", args: ["chat", "--lang", "en"]);

        Assert.True(chat.ExitCode == 6, $"Expected exit code 6 (already running).\n{chat}");
        Assert.Contains("already running", SingleLine(chat), StringComparison.Ordinal);
        AssertNoStackTrace(chat);
        SendSigterm(bot.Id);
        Assert.Equal(0, (await bot.WaitForExitAsync()).ExitCode);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Database_with_a_newer_schema_exits_with_code_4_and_one_line_naming_the_version()
    {
        var created = await RunToExitAsync(stdin: string.Empty, args: ["chat", "--lang", "en"]);
        Assert.True(created.ExitCode == 0, $"Creating the database in chat mode failed.\n{created}");
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999,'future',0)");
        }

        SqliteConnection.ClearAllPools();
        await using var server = await FakeTelegramServer.StartAsync();

        var result = await RunToExitAsync(BotEnvironment(server));

        Assert.True(result.ExitCode == 4, $"Expected exit code 4 (database unusable).\n{result}");
        var line = SingleLine(result);
        Assert.Contains("999", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Webhook_mode_answers_a_delivery_and_exits_with_code_0_on_SIGTERM()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var port = FreePort();
        var environment = WebhookEnvironment(server, "https://bot.example.test/telegram/hook", port);
        environment["ASPNETCORE_HTTP_PORTS"] = "8080"; // as in the aspnet container image: our setting must win, quietly
        await using var app = AppProcess.Start(_directory, environment);
        server.WebhookTarget = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

        await app.WhileRunningAsync(server.WaitForCallAsync("setWebhook", c => c.Succeeded, AppProcess.Patience));
        var user = server.User(7101, "ru");
        Assert.Equal(200, await app.WhileRunningAsync(server.DeliverByWebhookAsync(user.BuildMessage("/start"))));
        await app.WhileRunningAsync(server.WaitForCallAsync("sendMessage", c => c.ChatId == user.ChatId, AppProcess.Patience));

        SendSigterm(app.Id);
        var result = await app.WaitForExitAsync();
        _output.WriteLine($"dotnet exec {AppProcess.DllPath}\n{result}");

        Assert.True(result.ExitCode == 0, $"Expected exit code 0 after SIGTERM.\n{result}");
        Assert.True(result.Stderr.Length == 0, $"Expected nothing on stderr.\n{result}");
        AssertNoStackTrace(result);
        Assert.DoesNotContain(WebhookSecret, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Now listening on: http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Здравствуйте", user.LastMessage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mongo", "must be Sqlite (the default) or PostgreSql")]
    public async Task A_storage_provider_the_bot_cannot_use_exits_with_code_2_and_one_line(string provider, string says)
    {
        var result = await RunToExitAsync(new()
        {
            ["Telegram__BotToken"] = FakeTelegramServer.DefaultToken,
            ["Storage__Provider"] = provider,
        });

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad configuration).\n{result}");
        var line = SingleLine(result);
        Assert.Contains("Storage__Provider", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
        Assert.False(File.Exists(DatabasePath), "nothing is created before the settings are checked");
    }

    [Fact]
    public async Task Webhook_url_without_a_secret_exits_with_code_2_and_one_line_naming_the_secret()
    {
        var result = await RunToExitAsync(new()
        {
            ["Telegram__BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram__WebhookUrl"] = "https://bot.example.test/telegram/hook",
        });

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad configuration).\n{result}");
        Assert.Contains("Telegram__WebhookSecret", SingleLine(result), StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Webhook_refused_by_Telegram_exits_with_code_2_naming_the_setting_and_Telegrams_reason()
    {
        await using var server = await FakeTelegramServer.StartAsync();

        var result = await RunToExitAsync(WebhookEnvironment(server, "https://bot.example.test:8444/telegram/hook", FreePort()));

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad configuration).\n{result}");
        Assert.Contains("Telegram__WebhookUrl", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ports 80, 88, 443 or 8443", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, result.Stdout + result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task A_listen_address_in_use_exits_with_code_2_naming_the_setting()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();

        var result = await RunToExitAsync(WebhookEnvironment(server, "https://bot.example.test/telegram/hook", ((IPEndPoint)occupied.LocalEndpoint).Port));

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad configuration).\n{result}");
        Assert.Contains("Telegram__WebhookListen", result.Stdout + result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
        Assert.Empty(server.CallsTo("setWebhook"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static Dictionary<string, string?> BotEnvironment(FakeTelegramServer server) => new()
    {
        ["Telegram__BotToken"] = server.Token,
        ["Telegram__ApiBaseUrl"] = server.BaseUrl,
    };

    private static Dictionary<string, string?> WebhookEnvironment(FakeTelegramServer server, string url, int port) =>
        new(BotEnvironment(server))
        {
            ["Telegram__WebhookUrl"] = url,
            ["Telegram__WebhookSecret"] = WebhookSecret,
            ["Telegram__WebhookListen"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        };

    /// <summary>A loopback port nothing listens on right now (the child process binds it a moment later).</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task<ProcessResult> RunToExitAsync(
        Dictionary<string, string?>? environment = null, string? stdin = null, string[]? args = null)
    {
        await using var app = AppProcess.Start(_directory, environment ?? [], args ?? [], stdin);
        var result = await app.WaitForExitAsync();
        _output.WriteLine($"dotnet exec {AppProcess.DllPath}\n{result}");
        return result;
    }

    private static string SingleLine(ProcessResult result)
    {
        var lines = result.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1 && lines[0].Trim().Length > 0, $"Expected exactly one non-empty line on stderr.\n{result}");
        return lines[0];
    }

    private static void AssertNoStackTrace(ProcessResult result) =>
        Assert.False(
            result.Stdout.Contains(StackTraceMarker, StringComparison.Ordinal) ||
            result.Stderr.Contains(StackTraceMarker, StringComparison.Ordinal),
            $"Expected no stack trace in the output.\n{result}");

    private static void SendSigterm(int pid)
    {
        const int sigterm = 15;
        if (NativeMethods.Kill(pid, sigterm) != 0)
        {
            throw new InvalidOperationException(
                $"kill({pid.ToString(CultureInfo.InvariantCulture)}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError().ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() =>
            $"Exit code: {ExitCode.ToString(CultureInfo.InvariantCulture)}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    /// <summary>AppealBot.dll under <c>dotnet exec</c>, its output read to the end in the background.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        /// <summary>A safety net for a hung process, never a measure of how long anything should take.</summary>
        public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        /// <summary>Settings inherited from the test run that would change what the app does (also with the DOTNET_ prefix).</summary>
        private static readonly string[] AppSections = ["Telegram__", "ConnectionStrings__", "Bot__", "Reminders__", "Health__", "Logging__"];

        private static readonly Lazy<string> Dll = new(FindAppDll);

        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        private AppProcess(Process process)
        {
            _process = process;
            _stdout = process.StandardOutput.ReadToEndAsync();
            _stderr = process.StandardError.ReadToEndAsync();
        }

        public int Id => _process.Id;

        public static string DllPath => Dll.Value;

        public static AppProcess Start(
            string directory, IReadOnlyDictionary<string, string?> environment, string[]? args = null, string? stdin = null)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = directory,
                UseShellExecute = false,
                RedirectStandardInput = stdin is not null,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                StandardInputEncoding = stdin is null ? null : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(Dll.Value);
            foreach (var arg in args ?? [])
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var name in start.Environment.Keys.Where(IsAppSetting).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment.Remove("LC_ALL");
            start.Environment["LANG"] = "C.UTF-8";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production"; // never Development: no user secrets
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["NO_COLOR"] = "1";
            start.Environment["ConnectionStrings__AppealBot"] = $"Data Source={Path.Combine(directory, "appealbot.db")}";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var app = new AppProcess(process);
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }

            return app;
        }

        /// <summary>Awaits <paramref name="task"/>, failing with the app's output if the app exits first.</summary>
        public async Task<T> WhileRunningAsync<T>(Task<T> task)
        {
            var exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(task, exited) == exited)
            {
                var result = await CollectAsync();
                throw new InvalidOperationException($"AppealBot exited while the test was waiting for it.\n{result}");
            }

            return await task;
        }

        public async Task<ProcessResult> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                _process.Kill(entireProcessTree: true);
                var hung = await CollectAsync();
                throw new TimeoutException($"AppealBot did not exit within {Patience.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was killed.\n{hung}");
            }

            return await CollectAsync();
        }

        /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
        public async Task KillAsync()
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private static bool IsAppSetting(string name)
        {
            var key = name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) ? name["DOTNET_".Length..] : name;
            return AppSections.Any(section => key.StartsWith(section, StringComparison.OrdinalIgnoreCase));
        }

        private async Task<ProcessResult> CollectAsync()
        {
            await _process.WaitForExitAsync();
            return new ProcessResult(_process.ExitCode, await _stdout, await _stderr);
        }

        /// <summary>
        /// AppealBot.dll with its dependencies: the copy next to the tests when it can run there, otherwise the app
        /// project's own build output. (The tests' Microsoft.AspNetCore.App framework reference keeps the
        /// Microsoft.Extensions.* package assemblies out of the test directory; that copy runs only when
        /// AppealBot's runtimeconfig names Microsoft.AspNetCore.App too, which brings them.)
        /// </summary>
        private static string FindAppDll()
        {
            var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
            var candidates = new List<string> { testDirectory.FullName };
            var configuration = testDirectory.Parent?.Name;
            for (var root = testDirectory.Parent; root is not null && configuration is not null; root = root.Parent)
            {
                var project = Path.Combine(root.FullName, "src", "AppealBot");
                if (File.Exists(Path.Combine(project, "AppealBot.csproj")))
                {
                    candidates.Add(Path.Combine(project, "bin", configuration, testDirectory.Name));
                    break;
                }
            }

            return candidates
                       .Where(HasHostingAssemblies)
                       .Select(dir => Path.Combine(dir, "AppealBot.dll"))
                       .FirstOrDefault(File.Exists)
                   ?? throw new InvalidOperationException(
                       $"No runnable AppealBot.dll (with Microsoft.Extensions.Hosting beside it or from its frameworks) in: {string.Join(", ", candidates)}");
        }

        private static bool HasHostingAssemblies(string directory)
        {
            var runtimeConfig = Path.Combine(directory, "AppealBot.runtimeconfig.json");
            return File.Exists(runtimeConfig)
                   && (File.Exists(Path.Combine(directory, "Microsoft.Extensions.Hosting.dll"))
                       || File.ReadAllText(runtimeConfig).Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal));
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
