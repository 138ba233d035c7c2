namespace AppealBot.Tests.FakeTelegram;

/// <summary>Thrown by a method handler to answer with <c>{"ok":false,...}</c>.</summary>
internal sealed class BotApiFailure(int errorCode, string description, int? retryAfterSeconds = null)
    : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public static BotApiFailure BadRequest(string detail) => new(400, $"Bad Request: {detail}");
}
