namespace AppealBot.Localization;

/// <summary>CLDR plural categories for the integer counts the bot shows.</summary>
internal enum PluralCategory
{
    One,
    Few,
    Many,
    Other,
}

internal static class PluralRules
{
    public static PluralCategory For(Language language, long count)
    {
        var n = Math.Abs(count);
        if (language != Language.Ru)
        {
            return n == 1 ? PluralCategory.One : PluralCategory.Other;
        }

        var lastDigit = n % 10;
        var lastTwo = n % 100;
        if (lastDigit == 1 && lastTwo != 11)
        {
            return PluralCategory.One;
        }

        return lastDigit is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? PluralCategory.Few : PluralCategory.Many;
    }

    /// <summary>The categories a language's resources must define for every plural text.</summary>
    public static IReadOnlyList<PluralCategory> Required(Language language) => language == Language.Ru
        ? [PluralCategory.One, PluralCategory.Few, PluralCategory.Many]
        : [PluralCategory.One, PluralCategory.Other];

    public static string Suffix(this PluralCategory category) => category switch
    {
        PluralCategory.One => "_one",
        PluralCategory.Few => "_few",
        PluralCategory.Many => "_many",
        _ => "_other",
    };
}
