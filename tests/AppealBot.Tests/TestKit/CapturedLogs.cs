using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AppealBot.Tests.TestKit;

/// <summary>Keeps every log line the host writes, formatted, so tests can check what would reach an operator's journal.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Found)> _waiters = [];

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>Completes with the first line that matches, including lines already written.</summary>
    public Task<string> WaitForAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(predicate) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, found));
            return found.Task.WaitAsync(limit);
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        List<TaskCompletionSource<string>> satisfied;
        lock (_gate)
        {
            _lines.Enqueue(line);
            satisfied = [.. _waiters.Where(waiter => waiter.Matches(line)).Select(waiter => waiter.Found)];
            _waiters.RemoveAll(waiter => satisfied.Contains(waiter.Found));
        }

        satisfied.ForEach(found => found.TrySetResult(line));
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
    }
}
