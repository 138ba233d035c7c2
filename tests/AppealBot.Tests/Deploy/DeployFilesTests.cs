using System.Diagnostics;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Deploy;

/// <summary>The deploy/ files cannot run here (no systemd as PID 1, no Docker engine), so they are parsed and checked.</summary>
public sealed class DeployFilesTests
{
    private static string DeployFile(string name) => Path.Combine(Repository.Root, "deploy", name);

    [Fact]
    public void The_systemd_unit_is_a_hardened_notify_service_with_a_watchdog_and_its_own_state_directory()
    {
        var unit = Ini(File.ReadAllLines(DeployFile("appealbot.service")));
        var service = unit["Service"];

        Assert.Equal("notify", service["Type"].Single());
        Assert.True(int.Parse(service["WatchdogSec"].Single(), System.Globalization.CultureInfo.InvariantCulture) >= 60);
        Assert.Equal("appealbot", service["User"].Single());
        Assert.Equal("appealbot", service["StateDirectory"].Single());
        Assert.StartsWith("/etc/appealbot/", service["EnvironmentFile"].Single(), StringComparison.Ordinal);
        Assert.Equal("on-failure", service["Restart"].Single());
        foreach (var (key, value) in new[] { ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes") })
        {
            Assert.Equal(value, service[key].Single());
        }

        // The codes that a restart cannot fix: bad configuration, token rejected, unusable database, already running.
        Assert.Equal(["2", "3", "4", "6"], service["RestartPreventExitStatus"].Single().Split(' '));

        // A bot that keeps failing stops being restarted; a SIGTERM leaves time to send what the outbox owes.
        Assert.Equal("5", unit["Unit"]["StartLimitBurst"].Single());
        var drain = new AppealBot.Hosting.TelegramOptions().ShutdownDrain;
        Assert.True(TimeSpan.FromSeconds(int.Parse(service["TimeoutStopSec"].Single(), System.Globalization.CultureInfo.InvariantCulture)) > drain + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_units_pass_systemd_analyze_verify_where_it_is_installed()
    {
        var result = await RunAsync("bash", DeployFile("verify-unit.sh"));
        Assert.True(result.Code == 0, result.Output);
    }

    [Fact]
    public async Task The_installer_is_valid_bash()
    {
        var result = await RunAsync("bash", "-n", DeployFile("install.sh"));
        Assert.True(result.Code == 0, result.Output);
    }

    [Fact]
    public void The_Dockerfile_builds_in_a_separate_stage_and_runs_as_a_non_root_user_with_a_data_volume_and_a_health_check()
    {
        var instructions = Instructions(File.ReadAllLines(DeployFile("Dockerfile")));
        var stages = instructions.Count(i => i.Keyword == "FROM");
        var final = instructions.SkipWhile((_, n) => n <= instructions.FindLastIndex(i => i.Keyword == "FROM")).ToList();

        Assert.True(stages >= 2, "multi-stage: the SDK never ships in the image");
        Assert.Contains(final, i => i.Keyword == "USER" && i.Arguments is not ("root" or "0"));
        Assert.Contains(final, i => i.Keyword == "VOLUME" && i.Arguments.Contains("/data", StringComparison.Ordinal));
        Assert.Contains(final, i => i.Keyword == "HEALTHCHECK" && i.Arguments.Contains("health", StringComparison.Ordinal));
        Assert.Contains(final, i => i.Keyword == "ENTRYPOINT" && i.Arguments.Contains("AppealBot.dll", StringComparison.Ordinal));
        Assert.All(instructions, i => Assert.Contains(i.Keyword, Known));
    }

    private static readonly string[] Known =
        ["FROM", "ARG", "ENV", "WORKDIR", "COPY", "RUN", "VOLUME", "USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "CMD", "LABEL", "SHELL", "STOPSIGNAL", "ADD"];

    private static List<(string Keyword, string Arguments)> Instructions(string[] lines)
    {
        var result = new List<(string, string)>();
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            current += line.TrimEnd('\\') + " ";
            if (!line.EndsWith('\\'))
            {
                var keyword = current.Split(' ', 2)[0].ToUpperInvariant();
                result.Add((keyword, current[keyword.Length..].Trim()));
                current = "";
            }
        }

        Assert.True(current.Length == 0, "the Dockerfile ends inside a continued line");
        return result;
    }

    private static Dictionary<string, Dictionary<string, List<string>>> Ini(string[] lines)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>();
        Dictionary<string, List<string>>? section = null;
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(';')))
        {
            if (line.StartsWith('['))
            {
                section = sections[line.Trim('[', ']')] = [];
                continue;
            }

            var (key, value) = (line.Split('=', 2)[0], line.Split('=', 2)[1]);
            Assert.NotNull(section);
            if (!section.TryGetValue(key, out var values))
            {
                section[key] = values = [];
            }

            values.Add(value);
        }

        return sections;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
