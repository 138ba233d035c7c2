using System.Globalization;
using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

/// <summary>Whatever a user sends, the parsers answer yes or no; they never throw.</summary>
public sealed class NoThrowProperties
{
    /// <summary>The parsers take microseconds: ten times the default finds rare shapes reliably and still runs in well under a second.</summary>
    private const int Iterations = 1000;

    [Fact]
    public void OrderNumber_never_throws() =>
        InputGen.AnyText.Sample(text => { _ = OrderNumber.TryParse(text, out _); }, iter: Iterations, print: Show);

    [Fact]
    public void MoneyInput_never_throws() =>
        Gen.Select(InputGen.AnyText, Gen.OneOfConst("EUR", "RUB", "USD"))
            .Sample((text, currency) => { _ = MoneyInput.TryParse(text, currency, out _); }, iter: Iterations, print: t => Show(t.Item1));

    [Fact]
    public void DateInput_never_throws() =>
        Gen.Select(InputGen.AnyText, InputGen.Culture, InputGen.Today, Gen.Bool)
            .Sample((text, culture, today, past) => { _ = DateInput.TryParse(text, culture, today, past ? DateDirection.Past : DateDirection.Future, out _); },
                iter: Iterations, print: t => Show(t.Item1));

    [Fact]
    public void DateInput_TryRead_never_throws() =>
        Gen.Select(InputGen.AnyText, InputGen.Culture, InputGen.Today, Gen.Bool)
            .Sample((text, culture, today, past) => { _ = DateInput.TryRead(text, culture, today, past ? DateDirection.Past : DateDirection.Future, out _); },
                iter: Iterations, print: t => Show(t.Item1));

    [Fact]
    public void YesNoInput_never_throws() =>
        InputGen.AnyText.Sample(text => { _ = YesNoInput.Read(text); }, iter: Iterations, print: Show);

    [Fact]
    public void ZoneInput_never_throws() =>
        InputGen.AnyText.Sample(text => { _ = ZoneInput.TryRead(text, DateTimeOffset.UnixEpoch.AddYears(56), out _); }, iter: Iterations, print: Show);

    [Fact]
    public void HelpInput_never_throws() =>
        InputGen.AnyText.Sample(text => { _ = HelpInput.AsksForHelp(text); }, iter: Iterations, print: Show);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE cases;--")]
    [InlineData("😀")]
    [InlineData("İ")]
    [InlineData("\u0000")]
    [InlineData("%s%n{0}")]
    public void Hostile_text_is_rejected(string text)
    {
        Assert.False(OrderNumber.TryParse(text, out _));
        Assert.False(MoneyInput.TryParse(text, "EUR", out _));
        Assert.False(DateInput.TryParse(text, InputGen.Russian, new DateOnly(2026, 6, 15), DateDirection.Past, out _));
        Assert.Equal(YesNoAnswer.NotUnderstood, YesNoInput.Read(text));
        Assert.False(ZoneInput.TryRead(text, DateTimeOffset.UnixEpoch.AddYears(56), out _));
    }

    [Fact]
    public void Very_long_text_is_rejected()
    {
        var digits = new string('1', 5000);
        var spaced = string.Concat(Enumerable.Repeat("12 ", 1700));
        foreach (var text in new[] { digits, spaced, new string('\u00A0', 5000) + "12", string.Concat(Enumerable.Repeat("25.11.", 900)) })
        {
            Assert.False(OrderNumber.TryParse(text, out _));
            Assert.False(MoneyInput.TryParse(text, "EUR", out _));
            Assert.False(DateInput.TryParse(text, InputGen.Russian, new DateOnly(2026, 6, 15), DateDirection.Past, out _));
            Assert.Equal(YesNoAnswer.NotUnderstood, YesNoInput.Read(text));
            Assert.False(ZoneInput.TryRead(text, DateTimeOffset.UnixEpoch.AddYears(56), out _));
        }

        // A long message full of dates and yes-words is still not a date or an answer.
        var wordy = string.Concat(Enumerable.Repeat("вчера да ", 200));
        Assert.False(DateInput.TryParse(wordy, InputGen.Russian, new DateOnly(2026, 6, 15), DateDirection.Past, out _));
        Assert.Equal(YesNoAnswer.NotUnderstood, YesNoInput.Read(wordy));
    }

    private static string Show(string text) =>
        text.Length > 200
            ? $"({text.Length} chars) " + Escape(text[..200]) + "…"
            : Escape(text);

    private static string Escape(string text) =>
        "\"" + string.Concat(text.Select(c => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString())) + "\"";
}
