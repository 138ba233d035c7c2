namespace AppealBot.Tests.FakeTelegram;

public enum MessageOperationKind
{
    Sent,
    Edited,
    Deleted,
}

/// <summary>One change the bot made to a chat; <see cref="Message"/> is the message right after it.</summary>
public sealed record MessageOperation(MessageOperationKind Kind, BotMessage Message, DateTimeOffset At);
