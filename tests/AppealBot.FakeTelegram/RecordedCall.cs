using System.Globalization;
using System.Text.Json;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>One Bot API call as the fake server saw it; <paramref name="ErrorCode"/> is null when it succeeded.</summary>
public sealed record RecordedCall(string Method, JsonElement Body, DateTimeOffset At, int? ErrorCode, bool ConnectionDropped = false)
{
    public bool Succeeded => ErrorCode is null && !ConnectionDropped;

    /// <summary>The server did what was asked (with <see cref="ConnectionDropped"/>: but the bot never heard so).</summary>
    public bool Applied { get; init; }

    /// <summary>Real time (<see cref="System.Diagnostics.Stopwatch"/> ticks) the request reached the server, and its answer left.</summary>
    public long ReceivedStamp { get; init; }

    public long AnsweredStamp { get; init; }

    /// <summary>The retry_after of a 429 answer.</summary>
    public int? RetryAfterSeconds { get; init; }

    public long? ChatId => Body.TryGetProperty("chat_id", out var chatId) ? AsInt64(chatId) : null;

    public string? Text => Body.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
        ? text.GetString()
        : null;

    public override string ToString()
    {
        var outcome = ConnectionDropped ? "dropped" : ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "ok";
        var body = Body.GetRawText();
        return $"{At:HH:mm:ss.fff} {Method} [{outcome}] {(body.Length > 300 ? body[..300] + "…" : body)}";
    }

    // Form posts carry numbers as strings.
    private static long? AsInt64(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
