using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AppealBot.Hosting;
using AppealBot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// The webhook: Telegram POSTs one update per request. It is answered 200 only once the update is stored in
/// the inbox (or was stored or handled before), so a 200 is never a promise a crash could break; anything
/// else makes Telegram deliver it again later.
/// </summary>
internal sealed partial class WebhookEndpoint(
    IUpdateInbox inbox,
    InboxSignal signal,
    TelegramHeartbeat heartbeat,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<WebhookEndpoint> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsFromTelegram(request))
        {
            LogUnauthenticated(context.Connection.RemoteIpAddress?.ToString() ?? "?");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        heartbeat.Beat();
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync(request.Body, UpdateJson.Info, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's verdict on the body: 413 over Telegram__WebhookMaxBodyBytes, 400 for a body cut short.
            if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                LogTooLarge(options.Value.WebhookMaxBodyBytes);
            }

            context.Response.StatusCode = e.StatusCode;
            return;
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is not { Id: > 0 })
        {
            LogNotAnUpdate();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            var payload = JsonSerializer.Serialize(update, UpdateJson.Info);
            // Not cancelled when Telegram hangs up: a stored update is deduplicated when it comes again anyway.
            if (await inbox.AddAsync(update.Id, UpdateBatchRunner.OrderingKey(update), payload, time.GetUtcNow(), CancellationToken.None))
            {
                signal.Wake();
            }
            else
            {
                LogAlreadyHave(update.Id);
            }
        }
        catch (StorageException e)
        {
            // Not stored: anything but 2xx makes Telegram try again later.
            LogStorageFailed(update.Id, e.Reason);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The secret header, compared in constant time so its content cannot be guessed byte by byte.</summary>
    private bool IsFromTelegram(HttpRequest request)
    {
        var values = request.Headers[SecretHeader];
        return _secret.Length > 0 && values.Count == 1 && values[0] is { } given
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _secret);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook request from {Remote} without the right secret header; refused (401)")]
    private partial void LogUnauthenticated(string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook request larger than Telegram__WebhookMaxBodyBytes ({Limit} bytes); refused (413)")]
    private partial void LogTooLarge(long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook request is not a Telegram update; refused (400)")]
    private partial void LogNotAnUpdate();

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId} delivered again; already queued or handled")]
    private partial void LogAlreadyHave(long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} could not be queued ({Reason}); Telegram will deliver it again")]
    private partial void LogStorageFailed(long updateId, string reason);
}
