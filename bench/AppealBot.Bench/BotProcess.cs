using System.Diagnostics;
using System.Globalization;

namespace AppealBot.Bench;

/// <summary>The built AppealBot running as a child process, and its memory as the kernel sees it.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private const string BotVariablePrefix = "APPEALBOT_BOT_";

    private readonly Process _process;

    private BotProcess(Process process) => _process = process;

    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        // A published native app (Native AOT) runs as it is; an assembly through the dotnet host.
        var app = AppPath();
        var native = !app.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(native ? app : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!native)
        {
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add(app);
        }
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        // For experiments on the bot alone: APPEALBOT_BOT_DOTNET_GCgen0size=… reaches the bot as DOTNET_GCgen0size=….
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith(BotVariablePrefix, StringComparison.Ordinal)).ToList())
        {
            info.Environment[name[BotVariablePrefix.Length..]] = info.Environment[name];
            info.Environment.Remove(name);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process);
    }

    /// <summary>Resident memory now and at its peak, in MiB (VmRSS and VmHWM).</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line) / 1024.0;
            }
        }

        return (rss, peak);
    }

    /// <summary>CPU time the bot has used so far (user + system), from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    /// <summary>The app as built next to its project (Release when the benchmark runs in Release).</summary>
    private static string AppPath()
    {
        if (Environment.GetEnvironmentVariable("APPEALBOT_BENCH_APP") is { Length: > 0 } overridden)
        {
            return overridden;
        }

        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "AppealBot", "bin", configuration, "net10.0", "AppealBot.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Build the solution first: src/AppealBot/bin/<configuration>/net10.0/AppealBot.dll was not found.");
    }

    /// <summary>The database file and its write-ahead log (pages not yet checkpointed live only there), in MiB.</summary>
    public static double DatabaseMiB(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(file => new FileInfo(file).Length) / 1024.0 / 1024.0;

    private static long Kib(string line) =>
        long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static void Forward(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("  bot| " + line);
        }
    }
}
