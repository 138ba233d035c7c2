namespace AppealBot.Tests.FakeTelegram;

/// <summary>A message text validated like the real server: <see cref="Plain"/> is what the user sees, <see cref="Raw"/> what was sent.</summary>
internal sealed record MessageText(string Plain, string Raw)
{
    public const int MaxLength = 4096;
    public const int MaxCaptionLength = 1024;

    /// <summary>A media caption: may be empty, at most 1024 characters after entity parsing.</summary>
    public static MessageText ParseCaption(string? caption, string? parseMode)
    {
        if (string.IsNullOrEmpty(caption))
        {
            return new MessageText(string.Empty, string.Empty);
        }

        var plain = ToPlainText(caption, parseMode).Trim();
        return plain.Length > MaxCaptionLength
            ? throw BotApiFailure.BadRequest("message caption is too long")
            : new MessageText(plain, caption);
    }

    public static MessageText Parse(string? text, string? parseMode)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw BotApiFailure.BadRequest("message text is empty");
        }

        var plain = ToPlainText(text, parseMode).Trim(); // Telegram strips surrounding whitespace.
        if (plain.Length == 0)
        {
            throw BotApiFailure.BadRequest("message text is empty");
        }

        return plain.Length > MaxLength
            ? throw BotApiFailure.BadRequest("message is too long")
            : new MessageText(plain, text);
    }

    private static string ToPlainText(string text, string? parseMode)
    {
        if (string.IsNullOrEmpty(parseMode))
        {
            return text;
        }

        if (parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase))
        {
            return TelegramHtml.TryParse(text, out var plain, out var error)
                ? plain
                : throw BotApiFailure.BadRequest($"can't parse entities: {error}");
        }

        return parseMode.StartsWith("Markdown", StringComparison.OrdinalIgnoreCase)
            ? throw BotApiFailure.BadRequest($"the fake Telegram server does not implement parse_mode {parseMode}")
            : throw BotApiFailure.BadRequest("unsupported parse_mode");
    }
}
