namespace AppealBot.Conversation.Input;

/// <summary>
/// Parcel tracking numbers as carriers print them (RR123456789CN, LP00512345678901, YT2212345678901234): letters and
/// digits, often pasted with spaces or dashes. Kept upper case, without the separators.
/// </summary>
internal static class TrackingNumberInput
{
    public const int MinLength = 8;
    public const int MaxLength = 40;
    private const int MinDigits = 5;

    public static bool TryParse(string? text, out string trackingNumber)
    {
        trackingNumber = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return false;
        }

        var kept = new char[MaxLength];
        var count = 0;
        var digits = 0;
        foreach (var c in TypedText.WithoutInvisibles(text).Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (count == MaxLength)
                {
                    return false;
                }

                digits += char.IsAsciiDigit(c) ? 1 : 0;
                kept[count++] = char.ToUpperInvariant(c);
            }
            else if (c is not (' ' or '-' or '\u00A0'))
            {
                return false;
            }
        }

        if (count < MinLength || digits < MinDigits)
        {
            return false;
        }

        trackingNumber = new string(kept, 0, count);
        return true;
    }
}
