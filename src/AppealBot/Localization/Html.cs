using System.Net;

namespace AppealBot.Localization;

/// <summary>Text that is already valid Telegram HTML and must not be escaped again.</summary>
internal readonly record struct Html(string Value)
{
    public static Html Escape(string text) => new(WebUtility.HtmlEncode(text));

    public override string ToString() => Value;
}
