using System.Diagnostics;
using System.Globalization;

namespace AppealBot.Tests.TestKit.PostgreSql;

/// <summary>
/// A PostgreSQL cluster of its own for one test run: initdb into a temp folder, listening only on a unix socket in
/// that folder (no port to collide on), fsync off, trust authentication; stopped and deleted when the run ends.
/// PostgreSQL refuses to run as root, so as root it runs as the postgres user the Debian package creates.
/// </summary>
internal sealed class ThrowawayCluster
{
    private const string FolderPrefix = "appealbot-pg-";
    private const string OwnerFile = "owner.pid";

    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayCluster(string bin, string folder)
    {
        _bin = bin;
        _folder = folder;
    }

    private string DataFolder => Path.Combine(_folder, "data");

    public string AdminConnectionString => $"Host={_folder};Port=5432;Username=postgres;Database=postgres;Timeout=30;Command Timeout=60";

    /// <summary>The folder with initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else the PATH's.</summary>
    public static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    public static async Task<ThrowawayCluster> StartAsync()
    {
        var bin = FindBinaries()
            ?? throw new InvalidOperationException($"{PostgreSqlServer.Variable} requires PostgreSQL, but no initdb was found: apt-get install postgresql.");
        await RemoveAbandonedAsync();

        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        var cluster = new ThrowawayCluster(bin, folder);
        try
        {
            await cluster.RunAsPostgresAsync("initdb", ["-D", cluster.DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
            var options = $"-c listen_addresses='' -c unix_socket_directories='{folder}' -c port=5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000";
            await cluster.RunAsPostgresAsync("pg_ctl", ["-D", cluster.DataFolder, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }
    }

    /// <summary>Stops the server at once (its data is thrown away anyway) and deletes the folder.</summary>
    public Task StopAsync() => StopAndDeleteAsync(_bin, _folder);

    private static async Task StopAndDeleteAsync(string bin, string folder)
    {
        if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true);
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Clusters of earlier runs whose test process was killed before it could stop them.</summary>
    private static async Task RemoveAbandonedAsync()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid)
                && FindBinaries() is { } bin)
            {
                try
                {
                    await StopAndDeleteAsync(bin, folder);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    // Someone else's or half-deleted: not this run's business.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private Task RunAsPostgresAsync(string tool, string[] arguments) => RunAsync(Path.Combine(_bin, tool), arguments, asPostgres: true);

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
