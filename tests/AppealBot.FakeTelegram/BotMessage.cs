namespace AppealBot.Tests.FakeTelegram;

/// <summary>
/// A snapshot of a message the bot has in a chat: <see cref="Text"/> as the user sees it (a file's caption),
/// <see cref="Html"/> as sent, and <see cref="File"/> when it is a document or photo.
/// </summary>
public sealed record BotMessage(
    int Id,
    long ChatId,
    string Text,
    string Html,
    IReadOnlyList<IReadOnlyList<BotButton>> Buttons,
    int EditCount,
    SentFile? File = null)
{
    public IReadOnlyList<string> ButtonTexts => [.. Buttons.SelectMany(row => row).Select(button => button.Text)];

    public BotButton? FindButton(string text) =>
        Buttons.SelectMany(row => row).FirstOrDefault(button => button.Text == text);
}

public sealed record BotButton(string Text, string? CallbackData, string? Url = null);
