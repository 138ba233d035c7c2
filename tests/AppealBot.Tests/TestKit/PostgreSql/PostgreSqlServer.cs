using System.Diagnostics;
using Npgsql;

namespace AppealBot.Tests.TestKit.PostgreSql;

/// <summary>
/// Where the PostgreSQL tests get their server, decided once per test run from <c>APPEALBOT_POSTGRES</c>:
/// unset, a throwaway cluster if PostgreSQL's server binaries are installed (else the tests are left out, with one
/// skipped test saying so); <c>require</c>, the same but missing binaries fail the tests (CI);
/// <c>off</c>, left out; anything else, the connection string of a server to create the test databases on.
/// </summary>
internal static class PostgreSqlServer
{
    public const string Variable = "APPEALBOT_POSTGRES";

    private static readonly Lazy<Task<string>> Admin = new(StartAsync);
    private static ThrowawayCluster? _cluster;
    private static long _databases;

    /// <summary>Null when the tests can run (or must, and then fail if they cannot); else the one line saying why not.</summary>
    public static string? SkipReason { get; } = DecideSkip();

    /// <summary>How long the throwaway cluster took to be ready (initdb and start), zero on an existing server.</summary>
    public static TimeSpan StartTime { get; private set; }

    /// <summary>A new empty database; dropped when the returned object is disposed.</summary>
    public static async Task<PostgreSqlTestDatabase> CreateDatabaseAsync()
    {
        var admin = await Admin.Value;
        var name = $"appealbot_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8';", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgreSqlTestDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    private static string Setting => Environment.GetEnvironmentVariable(Variable)?.Trim() ?? "";

    private static string? DecideSkip() => Setting.ToLowerInvariant() switch
    {
        "off" => $"PostgreSQL tests skipped: {Variable}=off.",
        "" when ThrowawayCluster.FindBinaries() is null =>
            $"PostgreSQL tests skipped: no PostgreSQL server found; install postgresql (apt-get install postgresql) or set {Variable}=<connection string> (or =require to fail instead).",
        _ => null,
    };

    private static async Task<string> StartAsync()
    {
        if (Setting.Length > 0 && !Setting.Equals("require", StringComparison.OrdinalIgnoreCase))
        {
            return Setting;
        }

        var started = Stopwatch.StartNew();
        _cluster = await ThrowawayCluster.StartAsync();
        StartTime = started.Elapsed;
        return _cluster.AdminConnectionString;
    }

    /// <summary>Once every test has run (<see cref="StopsServersTestFramework"/>): the throwaway cluster goes.</summary>
    public static Task StopAsync() => _cluster?.StopAsync() ?? Task.CompletedTask;
}

/// <summary>One test's database on the shared server.</summary>
internal sealed class PostgreSqlTestDatabase(string adminConnectionString, string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString => connectionString;

    /// <summary>FORCE ends connections the test left open (pooled ones too).</summary>
    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
