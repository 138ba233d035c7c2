using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;

namespace AppealBot.Localization;

/// <summary>
/// The texts of one language. Templates are Telegram HTML with named placeholders (<c>{order}</c>);
/// every argument is HTML-escaped unless it is already <see cref="Html"/>.
/// </summary>
internal sealed partial class Localizer
{
    internal static readonly ResourceManager Resources =
        new("AppealBot.Localization.Strings", typeof(Localizer).Assembly);

    private static readonly Localizer[] ByLanguage = [.. Enum.GetValues<Language>().Select(l => new Localizer(l))];

    private Localizer(Language language)
    {
        Language = language;
        Culture = language.Culture();
    }

    public Language Language { get; }

    public CultureInfo Culture { get; }

    public static Localizer For(Language language) => ByLanguage[(int)language];

    public string this[string key] => Template(key);

    public bool Has(string key) => TryTemplate(key) is not null;

    public string Get(string key, params (string Name, object? Value)[] args) => Fill(Template(key), args);

    /// <summary>Picks the plural form for <paramref name="count"/>; the template sees it as <c>{count}</c>.</summary>
    public string Plural(string key, long count, params (string Name, object? Value)[] args)
    {
        var category = PluralRules.For(Language, count);
        var template = TryTemplate(key + category.Suffix()) ?? Template(key + PluralCategory.Other.Suffix());
        return Fill(template, [("count", count), .. args]);
    }

    /// <summary>A date as the language writes it in a sentence; the first of the month has its own pattern (Italian «1° dicembre»).</summary>
    public string Date(DateOnly date) => date.ToString(Template(date.Day == 1 ? "format.date.first" : "format.date"), Culture);

    /// <summary>Whole amounts without decimals (1 500), others with two (12,50).</summary>
    public string Amount(decimal amount) => amount.ToString(decimal.Truncate(amount) == amount ? "#,0" : "#,0.00", Culture);

    /// <summary>An amount as the culture writes it: 1 200 ₽, 15,50 €, €15.50; a currency without a sign of its own keeps its code.</summary>
    public string Money(Conversation.Money money)
    {
        var template = TryTemplate("format.money." + money.Currency) ?? Template("format.money");
        return template.Replace("{amount}", Amount(money.Amount), StringComparison.Ordinal).Replace("{currency}", money.Currency, StringComparison.Ordinal);
    }

    public string Format(object? value) => value switch
    {
        null => string.Empty,
        Html html => html.Value,
        DateOnly date => WebUtility.HtmlEncode(Date(date)),
        Conversation.Money money => WebUtility.HtmlEncode(Money(money)),
        IFormattable formattable => WebUtility.HtmlEncode(formattable.ToString(null, Culture)),
        _ => WebUtility.HtmlEncode(value.ToString() ?? string.Empty),
    };

    private string Template(string key) =>
        TryTemplate(key) ?? throw new MissingTextException(key, Language);

    private string? TryTemplate(string key) => Resources.GetString(key, Culture);

    private string Fill(string template, (string Name, object? Value)[] args)
    {
        if (args.Length == 0)
        {
            return template;
        }

        var result = new StringBuilder(template.Length + 64);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }

            result.Append(template, position, open - position);
            var name = template.AsSpan(open + 1, close - open - 1);
            var found = false;
            foreach (var arg in args)
            {
                if (name.SequenceEqual(arg.Name))
                {
                    if (arg.Value is DateOnly { Day: 8 or 11 } && Language == Language.It)
                    {
                        Elide(result);
                    }

                    result.Append(Format(arg.Value));
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                result.Append(template, open, close - open + 1);
            }

            position = close + 1;
        }

        return result.ToString();
    }
}

internal sealed partial class Localizer
{
    /// <summary>Italian articles and prepositions before a vowel sound: «il 8» → «l'8», «dal 11» → «dall'11».</summary>
    private static readonly (string Full, string Elided)[] ItalianElisions =
    [
        ("il ", "l'"), ("Il ", "L'"), ("dal ", "dall'"), ("Dal ", "Dall'"), ("al ", "all'"), ("del ", "dell'"),
        ("nel ", "nell'"), ("sul ", "sull'"),
    ];

    /// <summary>Rewrites the article the template put just before a date that starts with a vowel sound (8, 11).</summary>
    private static void Elide(StringBuilder text)
    {
        foreach (var (full, elided) in ItalianElisions)
        {
            var start = text.Length - full.Length;
            if (start >= 0 && text.ToString(start, full.Length) == full && (start == 0 || !char.IsLetter(text[start - 1])))
            {
                text.Remove(start, full.Length).Append(elided);
                return;
            }
        }
    }
}

internal sealed class MissingTextException(string key, Language language)
    : Exception($"Text '{key}' is missing for language '{language.Code()}'.");
