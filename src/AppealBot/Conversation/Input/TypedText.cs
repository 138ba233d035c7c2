namespace AppealBot.Conversation.Input;

/// <summary>What people paste carries invisible marks (zero-width spaces, direction marks, BOMs); they mean nothing here.</summary>
internal static class TypedText
{
    public static string WithoutInvisibles(string text)
    {
        if (!text.Any(IsInvisible))
        {
            return text;
        }

        return new string([.. text.Where(c => !IsInvisible(c))]);
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'
        or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
