using System.Globalization;
using AppealBot.Conversation.Input;

namespace AppealBot.Tests.Conversation.Input;

public sealed class MoneyInputTests
{
    [Theory]
    // The examples the parser documents.
    [InlineData("12.50", "USD", "12.50", "USD")]
    [InlineData("12,50 €", "RUB", "12.50", "EUR")]
    [InlineData("$12.99", "EUR", "12.99", "USD")]
    [InlineData("1 500 ₽", "EUR", "1500", "RUB")]
    [InlineData("15 euro", "RUB", "15", "EUR")]
    [InlineData("300 руб.", "EUR", "300", "RUB")]
    // No currency: the language's own.
    [InlineData("12", "RUB", "12", "RUB")]
    [InlineData("12,5", "EUR", "12.5", "EUR")]
    [InlineData("0,01", "EUR", "0.01", "EUR")]
    [InlineData("0.5", "USD", "0.5", "USD")]
    [InlineData("  12.50  ", "USD", "12.50", "USD")]
    // Thousands: spaces (plain, no-break, narrow no-break), dots, commas, apostrophes.
    [InlineData("1\u00A0500 ₽", "EUR", "1500", "RUB")]
    [InlineData("1\u202F500,00 ₽", "EUR", "1500", "RUB")]
    [InlineData("1 234 567,89", "RUB", "1234567.89", "RUB")]
    [InlineData("1.234,56 €", "RUB", "1234.56", "EUR")]
    [InlineData("1.234.567,8", "EUR", "1234567.8", "EUR")]
    [InlineData("1,234.56", "USD", "1234.56", "USD")]
    [InlineData("1'500", "EUR", "1500", "EUR")]
    [InlineData("1.500", "EUR", "1500", "EUR")]
    [InlineData("1,500", "USD", "1500", "USD")]
    [InlineData("10000000", "RUB", "10000000", "RUB")]
    [InlineData("10 000 000,00 ₽", "RUB", "10000000", "RUB")]
    // Currency before or after, with or without a space, any case, with a trailing dot.
    [InlineData("12€", "RUB", "12", "EUR")]
    [InlineData("€12", "RUB", "12", "EUR")]
    [InlineData("€ 12,5", "RUB", "12.5", "EUR")]
    [InlineData("12\u00A0€", "RUB", "12", "EUR")]
    [InlineData("12 €.", "RUB", "12", "EUR")]
    [InlineData("12 EUR", "RUB", "12", "EUR")]
    [InlineData("12 eur", "RUB", "12", "EUR")]
    [InlineData("EUR 12", "RUB", "12", "EUR")]
    [InlineData("EUR12", "RUB", "12", "EUR")]
    [InlineData("12 Euro", "RUB", "12", "EUR")]
    [InlineData("12 евро", "RUB", "12", "EUR")]
    [InlineData("12 $", "EUR", "12", "USD")]
    [InlineData("US$ 5", "EUR", "5", "USD")]
    [InlineData("5 USD", "EUR", "5", "USD")]
    [InlineData("5 dollari", "EUR", "5", "USD")]
    [InlineData("5 долларов", "RUB", "5", "USD")]
    [InlineData("5 долл.", "RUB", "5", "USD")]
    [InlineData("300 р.", "EUR", "300", "RUB")]
    [InlineData("300р", "EUR", "300", "RUB")]
    [InlineData("300 рублей", "EUR", "300", "RUB")]
    [InlineData("300 RUB", "EUR", "300", "RUB")]
    [InlineData("300 rubli", "EUR", "300", "RUB")]
    [InlineData("£5", "EUR", "5", "GBP")]
    [InlineData("100 грн", "EUR", "100", "UAH")]
    [InlineData("100 тенге", "EUR", "100", "KZT")]
    [InlineData("100 zł", "EUR", "100", "PLN")]
    [InlineData("¥100", "EUR", "100", "CNY")]
    [InlineData("100 CHF", "EUR", "100", "CHF")]
    [InlineData("100 BYN", "EUR", "100", "BYN")]
    public void Accepts(string text, string defaultCurrency, string amount, string currency)
    {
        Assert.True(MoneyInput.TryParse(text, defaultCurrency, out var money), text);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(currency, money.Currency);
    }

    [Theory]
    [InlineData(null, "nothing typed")]
    [InlineData("", "nothing typed")]
    [InlineData("   ", "only spaces")]
    [InlineData("€", "currency without an amount")]
    [InlineData("abc", "no number")]
    [InlineData("0", "zero")]
    [InlineData("0,00", "zero with decimals")]
    [InlineData("0 €", "zero euros")]
    [InlineData("-5", "negative")]
    [InlineData("-5 €", "negative euros")]
    [InlineData("−5", "negative with a minus sign")]
    [InlineData("€-5", "negative after the currency")]
    [InlineData("1.2345", "four decimals")]
    [InlineData("1,234567", "six decimals")]
    [InlineData("1 50", "a group of two digits")]
    [InlineData("12..5", "two marks in a row")]
    [InlineData("10000000.01", "above the maximum")]
    [InlineData("99 999 999", "far above the maximum")]
    [InlineData("99999999999999999999999999999999", "beyond decimal")]
    [InlineData("12 bananas", "unknown currency word")]
    [InlineData("12 rupees", "unknown currency word")]
    [InlineData("12 BTC", "unknown currency code")]
    [InlineData("12 ₿", "unknown currency sign")]
    [InlineData("$12 €", "two currencies")]
    [InlineData("12 EUR USD", "two currencies after the amount")]
    [InlineData("12 €50", "digits after the currency")]
    [InlineData("1e5", "exponent")]
    [InlineData("NaN", "not a number")]
    [InlineData("Infinity", "not a number")]
    [InlineData("12/50", "a fraction or a date")]
    [InlineData("25.11.2026", "a date")]
    [InlineData("8123 4567 8901 2345", "an order number")]
    [InlineData("<b>12</b>", "markup")]
    [InlineData("12; DROP TABLE cases", "SQL")]
    public void Rejects(string? text, string reason)
    {
        Assert.False(MoneyInput.TryParse(text, "EUR", out var money), reason);
        Assert.Equal(default, money);
    }

    [Theory]
    [InlineData("1٠٠", "1 then two Arabic-Indic zeros (once read as 1)")]
    [InlineData("١,5", "Arabic-Indic one, comma, 5 (once read as 0.5)")]
    [InlineData("5０", "5 then a full-width zero (once read as 5)")]
    public void Digits_of_other_scripts_are_rejected(string text, string reason)
    {
        Assert.False(MoneyInput.TryParse(text, "EUR", out _), reason);
    }

    [Theory]
    [InlineData("eur 12 o")]
    [InlineData("U 12 SD")]
    [InlineData("р 12 уб")]
    public void Rejects_a_currency_word_split_around_the_amount(string text)
    {
        Assert.False(MoneyInput.TryParse(text, "EUR", out _), text);
    }
}
