namespace AppealBot.Tests.FakeTelegram;

/// <summary>A snapshot of a message the bot has in a chat: <see cref="Text"/> as the user sees it, <see cref="Html"/> as sent.</summary>
public sealed record BotMessage(
    int Id,
    long ChatId,
    string Text,
    string Html,
    IReadOnlyList<IReadOnlyList<BotButton>> Buttons,
    int EditCount)
{
    public IReadOnlyList<string> ButtonTexts => [.. Buttons.SelectMany(row => row).Select(button => button.Text)];

    public BotButton? FindButton(string text) =>
        Buttons.SelectMany(row => row).FirstOrDefault(button => button.Text == text);
}

public sealed record BotButton(string Text, string? CallbackData, string? Url = null);
