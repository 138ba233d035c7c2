using System.Data;
using Npgsql;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's <see cref="IUpdateWriter"/>: each unit of work on a pooled connection of its own, so batches of
/// different users (and bots sharing the database) commit side by side. READ COMMITTED, with the user's row locked
/// as it is read (<see cref="SqlDialect.PostgreSql"/>): two writers of one user take turns. The replies it stores are
/// this instance's to send (<see cref="PostgreSqlInstances"/>).
/// </summary>
internal sealed class PostgreSqlUpdateWriter(PostgreSqlDatabase database, InstanceId instance) : IUpdateWriter
{
    private readonly OutboxRemovals _removals = new();

    public Task QueueRemovals(IReadOnlyCollection<long> ids) => _removals.Queue(ids);

    public Task FlushRemovalsAsync(Task removed, CancellationToken cancellationToken) => _removals.FlushAsync(this, removed, cancellationToken);

    /// <summary>Reachable within a second, and not a read-only standby.</summary>
    public async Task<bool> TakesWritesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await using var connection = await database.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off';", connection);
            return await command.ExecuteScalarAsync(timeout.Token) is true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task<UpdateTransaction> BeginAsync(CancellationToken cancellationToken) =>
        await UpdateTransaction.BeginWritingAsync(await OpenAsync(IsolationLevel.ReadCommitted, cancellationToken), _removals, instance.Value);

    public async Task<UpdateTransaction> BeginReadAsync(CancellationToken cancellationToken) =>
        UpdateTransaction.ForReading(await OpenAsync(IsolationLevel.RepeatableRead, cancellationToken));

    private async Task<PostgreSqlSession> OpenAsync(IsolationLevel isolation, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
            return new PostgreSqlSession(connection, transaction);
        }
        catch (NpgsqlException e)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw PostgreSqlErrors.From(e);
        }
    }
}
