using AppealBot.Storage;

namespace AppealBot.Hosting;

/// <summary>
/// Refuses to start a second bot on the same database: two would fight over getUpdates (Telegram answers
/// 409 to one of them) and confuse operators. Holds an exclusive lock on <c>&lt;database&gt;.lock</c> until disposed
/// (with the host); the lock goes away with the process, even after kill -9.
/// </summary>
internal sealed class SingleInstance(Database database) : IDisposable
{
    private FileStream? _lock;

    /// <summary>Takes the lock, or throws <see cref="AlreadyRunningException"/> when another process holds it.</summary>
    public void Acquire()
    {
        if (_lock is not null)
        {
            return;
        }

        var path = Path.GetFullPath(database.FilePath) + ".lock";
        try
        {
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            throw new AlreadyRunningException(database.FilePath);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}

internal sealed class AlreadyRunningException(string database)
    : Exception($"another AppealBot is already running with the database {database}. Stop it first (systemctl stop appealbot), or give this one its own ConnectionStrings__AppealBot.");
