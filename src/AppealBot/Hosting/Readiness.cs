using System.Globalization;
using AppealBot.Storage;
using AppealBot.Telegram;
using Microsoft.Extensions.Options;

namespace AppealBot.Hosting;

/// <summary>Ready = the database takes writes and Telegram answered recently; otherwise the reason, for /readyz.</summary>
internal sealed class Readiness(IUpdateWriter storage, TelegramHeartbeat heartbeat, IOptions<TelegramOptions> options)
{
    /// <summary>Several long polls (or webhook checks, once a minute) may pass without an answer before this counts.</summary>
    public TimeSpan TelegramSilenceAllowed =>
        TimeSpan.FromSeconds(Math.Max(3 * options.Value.PollTimeoutSeconds, TimeSpan.FromMinutes(2).TotalSeconds));

    /// <summary>Null when ready, else why not, in a few words.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        if (!await storage.TakesWritesAsync(cancellationToken))
        {
            return "the database does not take writes (locked, read-only or missing)";
        }

        return heartbeat.SinceLastAnswer switch
        {
            null => "Telegram has not answered since the start",
            { } silence when silence > TelegramSilenceAllowed =>
                string.Create(CultureInfo.InvariantCulture, $"Telegram has not answered for {silence.TotalSeconds:0} s"),
            _ => null,
        };
    }
}
