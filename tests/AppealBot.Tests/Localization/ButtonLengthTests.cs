using System.Globalization;
using System.Text.RegularExpressions;
using AppealBot.Localization;

namespace AppealBot.Tests.Localization;

/// <summary>
/// Every button label fits a phone's button: at most 30 visible characters (an emoji is one) with the longest values
/// its placeholders take — a 16-digit order number, 30 days, the longest evidence item, photo tick or fact name.
/// </summary>
public sealed partial class ButtonLengthTests
{
    private const int MaxVisible = 30;
    private const string LongestOrder = "8123456789012345";

    /// <summary>Texts shown as buttons as they are: the choices of the flow's questions.</summary>
    private static readonly string[] ChoicePrefixes =
    [
        "problem.", "rejection.", "fact.ago.", "fact.SellerArgument.", "fact.ClosingReason.",
        "fact.PaymentMethod.", "fact.Tracking.", "fact.Protection.", "fact.FaultStart.", "language.name.", "compensation.FullRefund",
        "compensation.PartialRefund", "compensation.ReturnAndRefund",
    ];

    [Theory]
    [InlineData("ru")]
    [InlineData("it")]
    [InlineData("en")]
    public void Every_button_label_has_at_most_30_visible_characters(string code)
    {
        var language = Languages.FromTelegramCode(code);
        var t = Localizer.For(language);
        var keys = Keys(language);
        string Longest(string prefix) => keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => t[k]).MaxBy(Visible)!;
        var item = new[] { Longest("evidence.label."), Longest("difference."), Longest("photo.shows.") }.MaxBy(Visible)!;
        var name = Longest("fact.name.");
        (string, object?)[] values = [("order", LongestOrder), ("item", new Html(item)), ("name", new Html(name)), ("list", "1–4, 6, 9")];

        var labels = new List<(string Key, string Label)>();
        foreach (var key in keys.Where(k => k.StartsWith("button.", StringComparison.Ordinal)))
        {
            var plural = PluralSuffix().Match(key);
            labels.Add(plural.Success
                ? (key, t.Plural(key[..plural.Index], 30, values))
                : (key, t.Get(key, values)));
        }

        labels.AddRange(keys.Where(k => ChoicePrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Select(k => (k, t[k])));
        labels.AddRange(keys.Where(k => k.StartsWith("tz.", StringComparison.Ordinal))
            .Select(k => (k, t.Get("timezone.label", ("city", new Html(t[k])), ("offset", "UTC+10")))));
        labels.AddRange(keys.Where(k => k.StartsWith("fact.days_", StringComparison.Ordinal)).Select(k => (k, t.Plural("fact.days", 30))));

        var tooLong = labels
            .Select(l => (l.Key, Label: System.Net.WebUtility.HtmlDecode(l.Label)))
            .Where(l => Visible(l.Label) > MaxVisible)
            .Select(l => $"{l.Key}: «{l.Label}» ({Visible(l.Label)})")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Buttons over {MaxVisible} visible characters in {code}:\n" + string.Join("\n", tooLong));
    }

    private static int Visible(string text) => new StringInfo(text).LengthInTextElements;

    private static List<string> Keys(Language language)
    {
        var culture = language == Language.En ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language.Code());
        var set = Localizer.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("_(zero|one|two|few|many|other)$")]
    private static partial Regex PluralSuffix();
}
