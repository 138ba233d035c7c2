using System.Globalization;
using System.Text;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>
/// Telegram's HTML parse mode, stricter than the real server: a bare <c>&amp;</c> or <c>&gt;</c>, unknown tags,
/// attributes or named entities are errors, so the tests catch anything that is not escaped.
/// </summary>
public static class TelegramHtml
{
    private static readonly HashSet<string> PlainTags = new(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "pre",
    };

    public static bool TryParse(string html, out string plainText, out string? error)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new Parser(html);
        error = parser.Run();
        plainText = error is null ? parser.PlainText : string.Empty;
        return error is null;
    }

    private sealed class Parser(string html)
    {
        private readonly StringBuilder _text = new(html.Length);
        private readonly Stack<string> _openTags = new();
        private int _position;

        public string PlainText => _text.ToString();

        public string? Run()
        {
            while (_position < html.Length)
            {
                var error = html[_position] switch
                {
                    '<' => ReadTag(),
                    '&' => ReadEntity(),
                    '>' => $"Unescaped \">\" at byte offset {ByteOffset(_position)}",
                    _ => AppendCurrent(),
                };
                if (error is not null)
                {
                    return error;
                }
            }

            return _openTags.Count > 0
                ? $"Can't find end tag corresponding to start tag \"{_openTags.Peek()}\""
                : null;
        }

        private string? AppendCurrent()
        {
            _text.Append(html[_position++]);
            return null;
        }

        private string? ReadTag()
        {
            var start = _position++;
            var closing = Peek() == '/';
            if (closing)
            {
                _position++;
            }

            var name = ReadName();
            return closing ? CloseTag(start, name) : OpenTag(start, name);
        }

        private string? CloseTag(int start, string name)
        {
            SkipWhitespace();
            if (Peek() != '>')
            {
                return $"Unclosed end tag at byte offset {ByteOffset(start)}";
            }

            _position++;
            if (_openTags.Count == 0)
            {
                return $"Unexpected end tag at byte offset {ByteOffset(start)}";
            }

            if (_openTags.Peek() != name)
            {
                return $"Unmatched end tag at byte offset {ByteOffset(start)}, expected \"</{_openTags.Peek()}>\", found \"</{name}>\"";
            }

            _openTags.Pop();
            return null;
        }

        private string? OpenTag(int start, string name)
        {
            var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
            while (true)
            {
                SkipWhitespace();
                var next = Peek();
                if (next == '>')
                {
                    _position++;
                    break;
                }

                var attributeName = ReadName();
                if (name.Length == 0 || attributeName.Length == 0)
                {
                    return $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(start)}";
                }

                var value = ReadAttributeValue();
                if (value.Error is not null)
                {
                    return $"{value.Error} in start tag \"{name}\" at byte offset {ByteOffset(start)}";
                }

                attributes[attributeName] = value.Value;
            }

            var tagError = ValidateTag(name, attributes);
            if (tagError is not null)
            {
                return $"{tagError} at byte offset {ByteOffset(start)}";
            }

            _openTags.Push(name);
            return null;
        }

        private static string? ValidateTag(string name, Dictionary<string, string?> attributes)
        {
            bool Only(params string[] allowed) => attributes.Keys.All(allowed.Contains);

            return name switch
            {
                "" => "Unsupported start tag \"\"",
                _ when PlainTags.Contains(name) => Only() ? null : $"Unexpected attribute in tag \"{name}\"",
                "span" => Only("class") && attributes.GetValueOrDefault("class") == "tg-spoiler"
                    ? null
                    : "Tag \"span\" must have class \"tg-spoiler\"",
                "a" => Only("href") && !string.IsNullOrEmpty(attributes.GetValueOrDefault("href"))
                    ? null
                    : "Tag \"a\" must have a non-empty href",
                "code" => Only("class") && (!attributes.TryGetValue("class", out var language)
                                            || language?.StartsWith("language-", StringComparison.Ordinal) == true)
                    ? null
                    : "Tag \"code\" allows only class=\"language-...\"",
                "blockquote" => Only("expandable") && attributes.GetValueOrDefault("expandable") is null
                    ? null
                    : "Tag \"blockquote\" allows only the expandable attribute",
                "tg-emoji" => Only("emoji-id") && !string.IsNullOrEmpty(attributes.GetValueOrDefault("emoji-id"))
                    ? null
                    : "Tag \"tg-emoji\" must have an emoji-id",
                _ => $"Unsupported start tag \"{name}\"",
            };
        }

        private (string? Value, string? Error) ReadAttributeValue()
        {
            SkipWhitespace();
            if (Peek() != '=')
            {
                return (null, null);
            }

            _position++;
            SkipWhitespace();
            var quote = Peek();
            if (quote is '"' or '\'')
            {
                var end = html.IndexOf(quote, _position + 1);
                if (end < 0)
                {
                    return (null, "Unclosed attribute value");
                }

                var quoted = html[(_position + 1)..end];
                _position = end + 1;
                return (quoted, null);
            }

            var valueStart = _position;
            while (_position < html.Length && !char.IsWhiteSpace(html[_position]) && html[_position] != '>')
            {
                _position++;
            }

            return _position == valueStart ? (null, "Empty attribute value") : (html[valueStart.._position], null);
        }

        private string? ReadEntity()
        {
            var start = _position;
            var end = html.IndexOf(';', start);
            var body = end < 0 || end - start > 10 ? null : html[(start + 1)..end];
            var decoded = body is null ? null : Decode(body);
            if (decoded is null)
            {
                return $"Unsupported HTML entity or unescaped \"&\" at byte offset {ByteOffset(start)}";
            }

            _text.Append(decoded);
            _position = end + 1;
            return null;
        }

        private static string? Decode(string entity) => entity switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            ['#', 'x' or 'X', .. var hex] => FromCodePoint(hex, NumberStyles.AllowHexSpecifier),
            ['#', .. var digits] => FromCodePoint(digits, NumberStyles.None),
            _ => null,
        };

        private static string? FromCodePoint(string digits, NumberStyles style) =>
            digits.Length > 0
            && int.TryParse(digits, style, CultureInfo.InvariantCulture, out var codePoint)
            && codePoint is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
                ? char.ConvertFromUtf32(codePoint)
                : null;

        private string ReadName()
        {
            var start = _position;
            while (_position < html.Length && (char.IsAsciiLetterOrDigit(html[_position]) || html[_position] is '-' or '_'))
            {
                _position++;
            }

            return html[start.._position].ToLowerInvariant();
        }

        private void SkipWhitespace()
        {
            while (_position < html.Length && char.IsWhiteSpace(html[_position]))
            {
                _position++;
            }
        }

        private char Peek() => _position < html.Length ? html[_position] : '\0';

        private int ByteOffset(int charIndex) => Encoding.UTF8.GetByteCount(html.AsSpan(0, charIndex));
    }
}
