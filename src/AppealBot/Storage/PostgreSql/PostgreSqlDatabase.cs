using Npgsql;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// Opens pooled connections to the bot's PostgreSQL database. The slim builder carries only the type mappings the
/// bot uses (numbers, text, booleans, bytes, and arrays of them for <c>= ANY(@ids)</c>), so the Native AOT build trims the rest and stays warning-free.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDatabase(string connectionString)
    {
        _dataSource = new NpgsqlSlimDataSourceBuilder(connectionString).EnableArrays().Build();
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
