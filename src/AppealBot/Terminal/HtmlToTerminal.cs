using System.Net;
using System.Text.RegularExpressions;

namespace AppealBot.Terminal;

/// <summary>Shows Telegram HTML readably in a terminal: bold and italics as ANSI styles, code blocks indented.</summary>
internal static partial class HtmlToTerminal
{
    private const string Reset = "\e[0m";

    public static string Render(string html, bool ansi)
    {
        var text = PreBlock().Replace(html, m => "\n" + Indent(Strip(m.Groups["body"].Value), ansi) + "\n");
        text = Tag().Replace(text, m => ansi ? Style(m.Groups["close"].Success, m.Groups["name"].Value.ToLowerInvariant()) : string.Empty);
        return WebUtility.HtmlDecode(text).Trim('\n');
    }

    private static string Indent(string block, bool ansi)
    {
        var lines = WebUtility.HtmlDecode(block).Trim('\n').Split('\n').Select(l => "    " + l);
        var body = string.Join('\n', lines);
        return ansi ? $"\e[36m{WebUtility.HtmlEncode(body)}{Reset}" : WebUtility.HtmlEncode(body);
    }

    private static string Strip(string html) => Tag().Replace(html, string.Empty);

    private static string Style(bool closing, string tag)
    {
        if (closing)
        {
            return Reset;
        }

        return tag switch
        {
            "b" or "strong" => "\e[1m",
            "i" or "em" => "\e[3m",
            "u" or "ins" => "\e[4m",
            "s" or "strike" or "del" => "\e[9m",
            "code" => "\e[36m",
            "blockquote" => "\e[2m",
            _ => string.Empty,
        };
    }

    [GeneratedRegex(@"<pre[^>]*>(?<body>.*?)</pre>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PreBlock();

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z-]+)[^>]*>")]
    private static partial Regex Tag();
}
