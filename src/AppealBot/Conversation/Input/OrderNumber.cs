namespace AppealBot.Conversation.Input;

/// <summary>
/// AliExpress order numbers: long digit strings, often typed or pasted with spaces or dashes, alone or in a sentence
/// («Заказ №8123456789012399», «Ordine n. 3012 4567 8901 2345», «order #8123-4567-8901-2345»).
/// Digits that belong to something else are never glued on: a date or an amount (25.11.2025, 15,50), a time, a phone
/// number (+7 …), a link, digits touching letters. Two different numbers in one message are not guessed between.
/// </summary>
internal static class OrderNumber
{
    public const int MinDigits = 12;
    public const int MaxDigits = 20;

    private const int MaxLength = 200;

    public static bool TryParse(string? text, out string orderNumber)
    {
        orderNumber = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var typed = TypedText.WithoutInvisibles(text);
        string? found = null;
        foreach (var group in Groups(Runs(typed), typed))
        {
            foreach (var candidate in Candidates(group, typed))
            {
                if (found is not null && found != candidate)
                {
                    return false;
                }

                found = candidate;
            }
        }

        orderNumber = found ?? string.Empty;
        return found is not null;
    }

    /// <summary>
    /// One group is one number as typed; its digits are read whole unless one run is an order number by itself, in which
    /// case the short runs around it are other numbers («2025 8123456789012399», «8123456789012399 – 12 шт.»).
    /// A letter in the group («8123 45x67 8901») makes it a typo, not a shorter number; after a «+» it is a phone number.
    /// </summary>
    private static IEnumerable<string> Candidates(Group group, string text)
    {
        var runs = group.Runs;
        if (runs.Exists(r => r.TouchesLetter))
        {
            yield break;
        }

        if (runs.Exists(r => r.Length >= MinDigits))
        {
            foreach (var run in runs)
            {
                if (run.Length is >= MinDigits and <= MaxDigits && !run.StartsPhone)
                {
                    yield return text.Substring(run.Start, run.Length);
                }
            }

            yield break;
        }

        var digits = runs.Sum(r => r.Length);
        if (!group.IsPhone && digits is >= MinDigits and <= MaxDigits)
        {
            yield return string.Concat(runs.Select(r => text.Substring(r.Start, r.Length)));
        }
    }

    /// <summary>Runs joined only by spaces and dashes form one group; a run that belongs to a date, an amount or a link ends it.</summary>
    private static IEnumerable<Group> Groups(List<DigitRun> runs, string text)
    {
        Group? group = null;
        foreach (var run in runs)
        {
            var joined = group is not null && IsJoin(text.AsSpan(group.End, run.Start - group.End));
            if (run.PartOfSomethingElse && !run.StartsPhone)
            {
                if (group is not null)
                {
                    yield return group;
                }

                group = null;
                continue;
            }

            if (group is null || !joined || run.StartsPhone)
            {
                if (group is not null)
                {
                    yield return group;
                }

                group = new Group(run.StartsPhone);
            }

            group.Add(run);
        }

        if (group is not null)
        {
            yield return group;
        }
    }

    private static List<DigitRun> Runs(string text)
    {
        var runs = new List<DigitRun>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var before = start > 0 ? text[start - 1] : ' ';
            var after = i < text.Length ? text[i] : ' ';
            var touchesLetter = IsLetterLike(before) || IsLetterLike(after);
            var partOfSomethingElse = before is '+' or '\uFF0B' or '/' or '=' or '&' or '?' or '_' or '@' or '%'
                || after is '/' or '_' or '@' or '%'
                || (before is '.' or ',' or ':' && start > 1 && char.IsDigit(text[start - 2]))
                || (after is '.' or ',' or ':' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                || InLink(text, start);
            runs.Add(new DigitRun(start, i - start, touchesLetter, partOfSomethingElse, StartsPhone: before is '+' or '\uFF0B'));
        }

        return runs;
    }

    /// <summary>Letters and digits of other scripts glued to a run make it part of a word («v2», «8123456789O12»).</summary>
    private static bool IsLetterLike(char c) => char.IsLetter(c) || (char.IsDigit(c) && !char.IsAsciiDigit(c));

    /// <summary>
    /// What may stand between the parts of one number: spaces and hyphens, as people type and paste them; an en dash
    /// only between digits («8123–4567», as phones autocorrect it), since « – » with spaces is punctuation.
    /// </summary>
    private static bool IsJoin(ReadOnlySpan<char> between)
    {
        if (between is ['\u2013'])
        {
            return true;
        }

        foreach (var c in between)
        {
            if (c is not (' ' or '-' or '\u00A0' or '\u2009' or '\u202F'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Inside «https://…» or «www.…»: the digits of a link are product and tracking ids, not an order number typed.</summary>
    private static bool InLink(string text, int index)
    {
        var start = index;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = index;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var word = text.AsSpan(start, end - start);
        return word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    private readonly record struct DigitRun(int Start, int Length, bool TouchesLetter, bool PartOfSomethingElse, bool StartsPhone);

    /// <summary>Runs typed as one number; <see cref="IsPhone"/> when it starts with «+».</summary>
    private sealed class Group(bool isPhone)
    {
        public List<DigitRun> Runs { get; } = [];

        public bool IsPhone => isPhone;

        public int End => Runs[^1].Start + Runs[^1].Length;

        public void Add(DigitRun run) => Runs.Add(run);
    }
}
