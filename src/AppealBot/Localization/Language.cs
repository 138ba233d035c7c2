using System.Globalization;

namespace AppealBot.Localization;

/// <summary>The languages the bot speaks; English is the fallback for everyone else.</summary>
internal enum Language
{
    En,
    Ru,
    It,
}

internal static class Languages
{
    public static IReadOnlyList<Language> All { get; } = [Language.Ru, Language.It, Language.En];

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Maps Telegram's optional IETF language tag ("ru", "it-IT", "en-US") to a bot language.</summary>
    public static Language FromTelegramCode(string? languageCode)
    {
        if (string.IsNullOrWhiteSpace(languageCode))
        {
            return Language.En;
        }

        var primary = languageCode.Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "ru" => Language.Ru,
            "it" => Language.It,
            _ => Language.En,
        };
    }

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "ru": language = Language.Ru; return true;
            case "it": language = Language.It; return true;
            case "en": language = Language.En; return true;
            default: language = Language.En; return false;
        }
    }

    public static string Code(this Language language) => language switch
    {
        Language.Ru => "ru",
        Language.It => "it",
        _ => "en",
    };

    public static CultureInfo Culture(this Language language) => language switch
    {
        Language.Ru => Russian,
        Language.It => Italian,
        _ => English,
    };
}
