namespace AppealBot.Conversation.Input;

/// <summary>AliExpress order numbers: long digit strings, often typed or pasted with spaces or dashes.</summary>
internal static class OrderNumber
{
    public const int MinDigits = 12;
    public const int MaxDigits = 20;

    public static bool TryParse(string? text, out string orderNumber)
    {
        orderNumber = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var digits = new char[MaxDigits];
        var count = 0;
        foreach (var c in TypedText.WithoutInvisibles(text).Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxDigits)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '\u00A0' or '\u2009' or '\u202F'))
            {
                return false;
            }
        }

        if (count < MinDigits)
        {
            return false;
        }

        orderNumber = new string(digits, 0, count);
        return true;
    }
}
