using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AppealBot.Tests.TestKit;

/// <summary>Keeps every log line the host writes, formatted, so tests can check what would reach an operator's journal.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>Completes when a line matching <paramref name="matches"/> is (or was) written.</summary>
    public Task WaitForAsync(Func<string, bool> matches, TimeSpan? timeout = null)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.Any(matches))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((matches, seen));
        }

        return seen.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    private void Add(string line)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _lines.Enqueue(line);
            done = [.. _waiters.Where(w => w.Matches(line)).Select(w => w.Seen)];
            _waiters.RemoveAll(w => w.Matches(line));
        }

        done.ForEach(d => d.TrySetResult());
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
    }
}
