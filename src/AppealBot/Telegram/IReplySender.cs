using AppealBot.Conversation;

namespace AppealBot.Telegram;

/// <summary>Delivers a turn's replies to a chat: to Telegram in production, to the terminal in chat mode.</summary>
internal interface IReplySender
{
    Task DeliverAsync(IncomingUpdate update, Turn turn, CancellationToken cancellationToken);
}
