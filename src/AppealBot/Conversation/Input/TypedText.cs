using System.Globalization;
using System.Text;

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

    /// <summary>
    /// The form words are compared in: no invisible marks, lower case, no accents (ё → е, й → и, ì → i, ș → s),
    /// one apostrophe. People type «lunedi» for «lunedì» and «е» for «ё»; word lists are folded the same way.
    /// </summary>
    public static string Folded(string text)
    {
        // Normalize refuses a lone surrogate; a pasted half of an emoji is as meaningless as any other symbol.
        var decomposed = WithoutLoneSurrogates(WithoutInvisibles(text)).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c is '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' ? '\'' : char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static string WithoutLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'
        or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
