namespace AppealBot.Telegram;

/// <summary>Who the bot is on Telegram, once getMe has answered: a command addressed to another bot ("/new@otherbot") is not for it.</summary>
internal sealed class BotIdentity
{
    private volatile string? _username;

    /// <summary>The bot's @username without the @; null until Telegram said it (and in the terminal, where any name is this bot's).</summary>
    public string? Username
    {
        get => _username;
        set => _username = value;
    }
}
