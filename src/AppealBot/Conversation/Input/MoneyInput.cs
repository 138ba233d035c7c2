using System.Globalization;
using System.Text.RegularExpressions;

namespace AppealBot.Conversation.Input;

/// <summary>
/// Reads an amount with an optional currency: "12.50", "12,50 €", "$12.99", "1 500 ₽", "15 euro", "300 руб.",
/// "20 баксов", and thousands in words when they leave no doubt: "1,5 тыс. руб", "2 тысячи рублей", "1,5 mila euro", "$2k".
/// Without a currency the language's usual one is assumed.
/// </summary>
internal static partial class MoneyInput
{
    public const decimal MaxAmount = 10_000_000m;

    private static readonly Dictionary<string, string> CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["€"] = "EUR", ["eur"] = "EUR", ["euro"] = "EUR", ["евро"] = "EUR",
        ["euros"] = "EUR",
        ["$"] = "USD", ["usd"] = "USD", ["us$"] = "USD", ["dollar"] = "USD", ["dollars"] = "USD", ["dollari"] = "USD", ["dollaro"] = "USD", ["доллар"] = "USD", ["доллара"] = "USD", ["долларов"] = "USD", ["долл"] = "USD",
        ["бакс"] = "USD", ["бакса"] = "USD", ["баксов"] = "USD",
        ["₽"] = "RUB", ["rub"] = "RUB", ["руб"] = "RUB", ["рубль"] = "RUB", ["рубля"] = "RUB", ["рублей"] = "RUB", ["р"] = "RUB", ["rubli"] = "RUB",
        ["ruble"] = "RUB", ["rubles"] = "RUB", ["rouble"] = "RUB", ["roubles"] = "RUB",
        ["£"] = "GBP", ["gbp"] = "GBP",
        ["₴"] = "UAH", ["uah"] = "UAH", ["грн"] = "UAH", ["гривна"] = "UAH", ["гривны"] = "UAH", ["гривен"] = "UAH", ["гривень"] = "UAH",
        ["₸"] = "KZT", ["kzt"] = "KZT", ["тенге"] = "KZT",
        ["byn"] = "BYN", ["chf"] = "CHF", ["pln"] = "PLN", ["zł"] = "PLN", ["cny"] = "CNY", ["¥"] = "CNY",
    };

    public static bool TryParse(string? text, string defaultCurrency, out Money money)
    {
        money = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var match = Amount().Match(TypedText.WithoutInvisibles(text).Trim());
        if (!match.Success)
        {
            return false;
        }

        var post = match.Groups["post"].Value;
        var thousands = StartsWithThousands(ref post);
        if (thousands && !PlainNumber().IsMatch(match.Groups["number"].Value))
        {
            // «1.500 тыс.» is 1 500 thousand or 1.5 thousand: not guessed.
            return false;
        }

        if (match.Groups["pre"].Success && post.Length > 0)
        {
            return false;
        }

        var currencyText = (match.Groups["pre"].Value + post).Trim().TrimEnd('.');
        string currency;
        if (currencyText.Length == 0)
        {
            currency = defaultCurrency;
        }
        else if (!CurrencyWords.TryGetValue(currencyText, out currency!))
        {
            return false;
        }

        if (!TryReadNumber(match.Groups["number"].Value, out var amount))
        {
            return false;
        }

        // At most two decimals times a thousand is a whole number: kept without a fraction, as if typed so.
        amount = thousands ? decimal.Truncate(amount * 1000) : amount;
        if (amount <= 0 || amount > MaxAmount)
        {
            return false;
        }

        money = new Money(amount, currency);
        return true;
    }

    /// <summary>Takes a leading «тыс.», «тысячи», «k», «mila», «thousand» off the text after the number.</summary>
    private static bool StartsWithThousands(ref string post)
    {
        var text = post.TrimStart();
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end == 0 || !ThousandWords.Contains(text[..end]))
        {
            return false;
        }

        post = text[end..].TrimStart('.').Trim();
        return true;
    }

    private static readonly HashSet<string> ThousandWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "тыс", "тысяча", "тысячи", "тысяч", "к", "k", "mila", "thousand",
    };

    /// <summary>
    /// "," and "." both serve as the decimal mark. The last mark is decimal when 1–2 digits follow it;
    /// every other mark (and a lone mark followed by exactly three digits) groups thousands.
    /// </summary>
    private static bool TryReadNumber(string number, out decimal amount)
    {
        amount = 0;
        var compact = new string([.. number.Where(c => char.IsAsciiDigit(c) || c is ',' or '.')]);
        var lastMark = compact.LastIndexOfAny([',', '.']);
        var decimals = lastMark < 0 ? 0 : compact.Length - lastMark - 1;
        var integerPart = lastMark < 0 ? compact : compact[..lastMark];
        var fraction = decimals is 1 or 2 ? compact[(lastMark + 1)..] : string.Empty;
        if (lastMark >= 0 && decimals is not (1 or 2))
        {
            if (decimals != 3)
            {
                return false;
            }

            integerPart = compact;
        }

        var digits = new string([.. integerPart.Where(char.IsAsciiDigit)]);
        return decimal.TryParse(fraction.Length > 0 ? digits + "." + fraction : digits,
            NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    [GeneratedRegex(@"^(?<pre>[^0-9\s,.]{1,8})?\s*(?<number>[0-9]{1,3}(?:[ \u00A0\u202F'.,][0-9]{3})*(?:[.,][0-9]{1,2})?|[0-9]+(?:[.,][0-9]{1,2})?)\s*(?<post>[^0-9\s,.][^0-9]{0,19})?$")]
    private static partial Regex Amount();

    /// <summary>A number without thousands groups, as written before a word for thousands: «1,5», «15», «1500».</summary>
    [GeneratedRegex(@"^[0-9]{1,4}([.,][0-9]{1,2})?$")]
    private static partial Regex PlainNumber();
}
