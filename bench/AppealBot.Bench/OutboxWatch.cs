using Microsoft.Data.Sqlite;

namespace AppealBot.Bench;

/// <summary>
/// When the bot (a child process) has sent everything it owes for an update: no outbox row for it or any earlier
/// update is left. The bot's replies go out per chat, apart from polling, so the fake server cannot infer this from
/// the bot's getUpdates requests; one loop reads the outbox's lowest owed update every 2 ms for all waiters. It
/// only paces the simulated users: the latency figures come from the fake server's recorded times.
/// </summary>
internal sealed class OutboxWatch : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(long UpdateId, TaskCompletionSource Done)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public OutboxWatch(string databasePath) => _loop = Task.Run(() => WatchAsync($"Data Source={databasePath};Mode=ReadOnly"));

    public Task AnsweredAsync(long updateId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((updateId, done));
        }

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task WatchAsync(string connectionString)
    {
        SqliteConnection? connection = null;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                // Only waiters already there before the query: one added meanwhile may wait for rows the query missed.
                List<(long UpdateId, TaskCompletionSource Done)> waiting;
                lock (_gate)
                {
                    waiting = [.. _waiters];
                }

                if (waiting.Count > 0)
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(connectionString);
                        await connection.OpenAsync();
                    }

                    await using var command = connection.CreateCommand();
                    command.CommandText = "SELECT MIN(update_id) FROM outbox;";
                    var lowest = await command.ExecuteScalarAsync() is long owed ? owed : long.MaxValue;
                    var done = waiting.Where(w => w.UpdateId < lowest).ToHashSet();
                    lock (_gate)
                    {
                        _waiters.RemoveAll(done.Contains);
                    }

                    foreach (var (_, signal) in done)
                    {
                        signal.TrySetResult();
                    }
                }

                await Task.Delay(2, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SqliteException)
            {
                // Not migrated yet, or busy: look again.
                await Task.Delay(20);
            }
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
