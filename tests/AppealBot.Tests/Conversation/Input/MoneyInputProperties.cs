using System.Globalization;
using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

public sealed partial class MoneyInputProperties
{
    /// <summary>(0, 1 000 000] in cents.</summary>
    private static readonly Gen<decimal> Amount = Gen.Long[1, 100_000_000].Select(cents => cents / 100m);

    private static readonly Gen<(string Format, CultureInfo Culture)> Style = Gen.OneOfConst(
        ("0.##", CultureInfo.InvariantCulture),
        ("N2", InputGen.Russian),
        ("N2", InputGen.Italian),
        ("N2", InputGen.English));

    private static readonly Gen<(string Text, string? Currency)> Suffix = Gen.OneOfConst<(string, string?)>(
        (string.Empty, null),
        (" EUR", "EUR"),
        (" €", "EUR"),
        (" руб.", "RUB"));

    [Fact]
    public void An_amount_formatted_as_cultures_do_parses_back_to_itself() =>
        Gen.Select(Amount, Style, Suffix)
            .Sample((amount, style, suffix) =>
            {
                var text = amount.ToString(style.Format, style.Culture) + suffix.Text;
                Assert.True(MoneyInput.TryParse(text, "USD", out var money), text);
                Assert.Equal(amount, money.Amount);
                Assert.Equal(suffix.Currency ?? "USD", money.Currency);
            }, print: t => $"\"{t.Item1.ToString(t.Item2.Format, t.Item2.Culture) + t.Item3.Text}\"");

    [Fact]
    public void An_accepted_amount_is_positive_and_at_most_the_maximum() =>
        Gen.OneOf(InputGen.AmountLikeText, InputGen.AnyText, Gen.Long[0, 99_999_999_999].Select(n => n.ToString(CultureInfo.InvariantCulture)))
            .Sample(text =>
            {
                if (MoneyInput.TryParse(text, "EUR", out var money))
                {
                    Assert.InRange(money.Amount, 0.01m, MoneyInput.MaxAmount);
                    Assert.False(string.IsNullOrEmpty(money.Currency));
                }
            });

    [Fact]
    public void An_accepted_amount_has_at_most_two_decimals() =>
        Gen.OneOf(InputGen.AmountLikeText, InputGen.AnyText)
            .Sample(text =>
            {
                if (MoneyInput.TryParse(text, "EUR", out var money))
                {
                    Assert.Equal(decimal.Round(money.Amount, 2), money.Amount);
                }
            });

    [Fact]
    public void No_typed_digit_is_lost_or_invented() =>
        Gen.OneOf(InputGen.AmountLikeText, InputGen.AnyText).Sample(DigitsSurvive, iter: 1000);

    /// <summary>
    /// The amount read carries exactly the digits typed (leading zeros aside): "1 500,00 ₽" is 1500.00; with a word for
    /// thousands, the same digits then the zeros the word stands for: "1,5 тыс." is 1500.
    /// </summary>
    private static void DigitsSurvive(string text)
    {
        if (MoneyInput.TryParse(text, "EUR", out var money))
        {
            var typed = new string([.. text.Where(char.IsDigit)]).TrimStart('0');
            var read = new string([.. money.Amount.ToString(CultureInfo.InvariantCulture).Where(char.IsDigit)]).TrimStart('0');
            if (Thousands().IsMatch(text))
            {
                Assert.Equal(money.Amount, decimal.Truncate(money.Amount));
                Assert.StartsWith(typed.TrimEnd('0'), read, StringComparison.Ordinal);
                Assert.True(money.Amount % 10 == 0, text);
            }
            else
            {
                Assert.Equal(typed, read);
            }
        }
    }

    [Fact]
    public void A_word_for_thousands_multiplies_a_plain_number_by_a_thousand() =>
        Gen.Select(Gen.Int[1, 9999], Gen.Int[0, 99], Gen.OneOfConst(" тыс.", " тыс", " тысяч", "к", "k", " mila", " thousand"), Gen.OneOfConst("", " руб", " руб.", " рублей", " €", " euro", " dollars"))
            .Sample((whole, cents, word, currency) =>
            {
                var typed = whole + (cents == 0 ? "" : "," + cents.ToString("00", CultureInfo.InvariantCulture));
                var expected = (whole + (cents / 100m)) * 1000;
                var text = typed + word + currency;
                if (expected > MoneyInput.MaxAmount)
                {
                    Assert.False(MoneyInput.TryParse(text, "RUB", out _), text);
                    return;
                }

                Assert.True(MoneyInput.TryParse(text, "RUB", out var money), text);
                Assert.Equal(expected, money.Amount);
            });

    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9]\s*(тыс|тысяч|тысячи|тысяча|k|к|mila|thousand)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Thousands();
}
