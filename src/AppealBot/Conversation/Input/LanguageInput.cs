using AppealBot.Localization;

namespace AppealBot.Conversation.Input;

/// <summary>
/// A language named in a few words, as people answer «which language?»: «русский», «по-русски», «на итальянском»,
/// «italiano», «in inglese», «English», «ru». A message naming two languages, or more than a few words, is not guessed at.
/// </summary>
internal static class LanguageInput
{
    private const int MaxWords = 4;

    /// <summary>Folded word stems per language; a word counts when it starts with one («русск-ий», «итальянск-ом», «ingles-e»).</summary>
    private static readonly (Language Language, string[] Stems)[] Names =
    [
        (Language.Ru, ["русск", "russ", "rus", "ру"]),
        (Language.It, ["итальянск", "итальян", "ital", "it"]),
        (Language.En, ["английск", "англ", "ingl", "engl", "eng", "en"]),
    ];

    /// <summary>Stems this short name the language only as the whole word («ru», «it», «en»): «it» is also an English word.</summary>
    private const int WholeWordOnly = 2;

    public static bool TryRead(string? text, out Language language)
    {
        language = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60)
        {
            return false;
        }

        var words = Tokens.Split(TypedText.Folded(text)).Where(t => t.IsWord).Select(t => t.Text).ToList();
        if (words.Count is 0 or > MaxWords)
        {
            return false;
        }

        var named = Names
            .Where(n => words.Exists(w => n.Stems.Any(stem => stem.Length <= WholeWordOnly ? w == stem : w.StartsWith(stem, StringComparison.Ordinal))))
            .Select(n => n.Language)
            .ToList();
        if (named.Count != 1)
        {
            return false;
        }

        language = named[0];
        return true;
    }
}
