namespace AppealBot.Conversation.Input;

internal enum TokenKind
{
    /// <summary>Letters of any script.</summary>
    Word,

    /// <summary>ASCII digits only: digits of other scripts are symbols, so «١٢» is never read as 12.</summary>
    Number,

    /// <summary>Any other single character (or surrogate pair) that is not white space.</summary>
    Symbol,
}

/// <summary>A piece of folded text; <see cref="Start"/> and <see cref="End"/> tell whether two pieces touch.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, int End)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsNumber => Kind == TokenKind.Number;

    public bool IsSymbol(char c) => Kind == TokenKind.Symbol && Text.Length == 1 && Text[0] == c;

    public bool Touches(Token next) => End == next.Start;
}

/// <summary>Splits folded text into words, numbers and symbols, dropping white space.</summary>
internal static class Tokens
{
    public static List<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            TokenKind kind;
            if (char.IsAsciiDigit(c))
            {
                kind = TokenKind.Number;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }
            }
            else
            {
                kind = TokenKind.Symbol;
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }

            tokens.Add(new Token(kind, text[start..i], start, i));
        }

        return tokens;
    }
}

/// <summary>Matching a sequence of words in tokens, across apostrophes and hyphens: «l'altro ieri», «где-то», «Санкт-Петербург».</summary>
internal static class Phrase
{
    /// <summary>How many tokens the words take from <paramref name="index"/> on, or 0 when they are not there.</summary>
    public static int Length(IReadOnlyList<Token> tokens, int index, IReadOnlyList<string> words)
    {
        var at = index;
        for (var w = 0; w < words.Count; w++)
        {
            if (words[w].Length == 0)
            {
                continue;
            }

            if (w > 0)
            {
                while (at < tokens.Count && (tokens[at].IsSymbol('\'') || tokens[at].IsSymbol('-')))
                {
                    at++;
                }
            }

            if (at >= tokens.Count || tokens[at].Text != words[w])
            {
                return 0;
            }

            at++;
        }

        return at - index;
    }
}
