using Npgsql;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// Opens pooled connections to the bot's PostgreSQL database. The slim builder carries only the type mappings the
/// bot uses (numbers, text, booleans, bytes, and arrays of them for <c>= ANY(@ids)</c>), so the Native AOT build trims the
/// rest and stays warning-free. Unless the connection string says otherwise, statements run often are prepared once per
/// connection (<c>Max Auto Prepare</c>): the update path runs the same dozen statements for every update.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDatabase(string connectionString)
    {
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString).EnableArrays();
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        _dataSource = builder.Build();
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
