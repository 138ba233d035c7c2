using System.Globalization;
using AppealBot.Conversation.Input;

namespace AppealBot.Tests.Conversation.Input;

/// <summary>Amounts as buyers type them, per language: the number, then the currency in a word, a sign or a code.</summary>
public sealed class MoneyPhraseTable
{
    [Theory]
    [InlineData("1500 рублей", "1500", "RUB")]
    [InlineData("1 500 руб.", "1500", "RUB")]
    [InlineData("1500р", "1500", "RUB")]
    [InlineData("1500 р.", "1500", "RUB")]
    [InlineData("1500 Руб", "1500", "RUB")]
    [InlineData("1 500 ₽", "1500", "RUB")]
    [InlineData("2 рубля", "2", "RUB")]
    [InlineData("15 евро", "15", "EUR")]
    [InlineData("20 долларов", "20", "USD")]
    [InlineData("20 баксов", "20", "USD")]
    [InlineData("1,5 тыс. руб", "1500", "RUB")]
    [InlineData("1,5 тыс руб.", "1500", "RUB")]
    [InlineData("1,5 тыс.", "1500", "RUB")]
    [InlineData("2 тысячи рублей", "2000", "RUB")]
    [InlineData("3 тыс. ₽", "3000", "RUB")]
    [InlineData("1,5к", "1500", "RUB")]
    [InlineData("100 гривен", "100", "UAH")]
    public void Russian(string text, string amount, string currency) => Check(text, "RUB", amount, currency);

    [Theory]
    [InlineData("15 euro", "15", "EUR")]
    [InlineData("15,50 euro", "15.50", "EUR")]
    [InlineData("15,50 €", "15.50", "EUR")]
    [InlineData("€15.50", "15.50", "EUR")]
    [InlineData("€ 15,50", "15.50", "EUR")]
    [InlineData("15 eur", "15", "EUR")]
    [InlineData("15 EUR", "15", "EUR")]
    [InlineData("15", "15", "EUR")]
    [InlineData("20 dollari", "20", "USD")]
    [InlineData("$20", "20", "USD")]
    [InlineData("1.200 €", "1200", "EUR")]
    [InlineData("1,5 mila euro", "1500", "EUR")]
    public void Italian(string text, string amount, string currency) => Check(text, "EUR", amount, currency);

    [Theory]
    [InlineData("$20", "20", "USD")]
    [InlineData("20 dollars", "20", "USD")]
    [InlineData("20 USD", "20", "USD")]
    [InlineData("£15.50", "15.50", "GBP")]
    [InlineData("15 euros", "15", "EUR")]
    [InlineData("1,500 rubles", "1500", "RUB")]
    [InlineData("$1.5k", "1500", "USD")]
    [InlineData("2k", "2000", "USD")]
    [InlineData("2 thousand dollars", "2000", "USD")]
    public void English(string text, string amount, string currency) => Check(text, "USD", amount, currency);

    [Theory]
    [InlineData("1.500 тыс. руб", "a thousands group and a thousands word: 1 500 or 1 500 000?")]
    [InlineData("1 500 тыс. руб", "a thousands group and a thousands word")]
    [InlineData("тыс. руб", "no number")]
    [InlineData("15 тыс тыс", "two thousands words")]
    [InlineData("15 тыс бананов", "a thousand of something else")]
    [InlineData("20000 тыс. руб", "above the maximum")]
    [InlineData("€1,5k $", "two currencies")]
    public void Rejects(string text, string reason) => Assert.False(MoneyInput.TryParse(text, "RUB", out _), reason);

    private static void Check(string text, string defaultCurrency, string amount, string currency)
    {
        Assert.True(MoneyInput.TryParse(text, defaultCurrency, out var money), text);
        Assert.Equal((decimal.Parse(amount, CultureInfo.InvariantCulture), currency), (money.Amount, money.Currency));
    }
}
