using System.Globalization;
using System.Text;

namespace AppealBot.Conversation;

/// <summary>Photo numbers as people write them: "1–4, 6, 8–9".</summary>
internal static class PhotoNumbers
{
    public static string Format(IEnumerable<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var sorted = numbers.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            var first = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            text.Append(text.Length > 0 ? ", " : "").Append(first.ToString(CultureInfo.InvariantCulture));
            if (sorted[i] != first)
            {
                text.Append(sorted[i] == first + 1 ? ", " : "–").Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Numbers 1–31 as the bits of one int, so a button can carry a set of them.</summary>
    public static int ToMask(IEnumerable<int> numbers) =>
        numbers.Where(n => n is >= 1 and <= 31).Aggregate(0, (mask, n) => mask | (1 << (n - 1)));

    public static IReadOnlyList<int> FromMask(int mask) => [.. Enumerable.Range(1, 31).Where(n => (mask & (1 << (n - 1))) != 0)];
}
