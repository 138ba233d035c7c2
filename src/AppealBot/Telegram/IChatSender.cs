using AppealBot.Conversation;

namespace AppealBot.Telegram;

internal enum SendOutcome
{
    Sent,

    /// <summary>The user blocked the bot, deleted their account, or the chat is gone: write nothing more there.</summary>
    ChatGone,

    /// <summary>Telegram or the network failed for now; try again later.</summary>
    Transient,

    /// <summary>Telegram refused this message for good (a bug: it should never happen).</summary>
    Rejected,
}

/// <summary>Sends a message the user did not just ask for, such as a reminder, within the shared budget.</summary>
internal interface IChatSender
{
    Task<SendOutcome> SendAsync(long chatId, Reply reply, SendPriority priority, CancellationToken cancellationToken);
}
