using System.Text;

namespace AppealBot.Conversation.Input;

/// <summary>
/// A short detail the buyer types for the case file ("the right earbud is silent"): kept as they wrote it, on one
/// line, without invisible or control characters, within a length that keeps every draft inside Telegram's limits.
/// </summary>
internal static class DetailInput
{
    /// <summary>
    /// The cleaned line, or null when nothing is left; <paramref name="length"/> is its length either way. Broken
    /// UTF-16 (a lone surrogate) is dropped: it could not be sent back to Telegram as it was typed anyway.
    /// </summary>
    public static string? Read(string? text, out int length)
    {
        length = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = new StringBuilder(Math.Min(text.Length, 4096));
        var space = false;
        var cleaned = TypedText.WithoutInvisibles(text);
        for (var i = 0; i < cleaned.Length; i++)
        {
            if (Rune.DecodeFromUtf16(cleaned.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                continue;
            }

            i += used - 1;
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(rune.ToString());
        }

        length = line.Length;
        return line.Length == 0 ? null : line.ToString();
    }
}
