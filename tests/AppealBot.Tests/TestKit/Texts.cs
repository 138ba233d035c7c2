using System.Net;
using System.Text.RegularExpressions;
using AppealBot.Localization;

namespace AppealBot.Tests.TestKit;

/// <summary>What a user reads for a text key: the resource with its HTML removed, as Telegram shows it.</summary>
internal static partial class Texts
{
    public static string Plain(Language language, string key, params (string Name, object? Value)[] args) =>
        WebUtility.HtmlDecode(Tags().Replace(Localizer.For(language).Get(key, args), string.Empty));

    public static string PluralPlain(Language language, string key, long count, params (string Name, object? Value)[] args) =>
        WebUtility.HtmlDecode(Tags().Replace(Localizer.For(language).Plural(key, count, args), string.Empty));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
