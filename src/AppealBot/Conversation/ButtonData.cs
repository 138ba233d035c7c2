using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>
/// Builds and reads inline buttons' callback data. Data is compact ASCII (Telegram allows 64 bytes)
/// and never carries user text, so it can be checked strictly.
/// </summary>
internal static class ButtonData
{
    private const string LanguagePrefix = "lang:";

    public static string Language(Language language) => LanguagePrefix + language.Code();

    public static bool TryParseLanguage(string data, out Language language)
    {
        language = Localization.Language.En;
        return data.StartsWith(LanguagePrefix, StringComparison.Ordinal)
            && Languages.TryParse(data[LanguagePrefix.Length..], out language);
    }
}
