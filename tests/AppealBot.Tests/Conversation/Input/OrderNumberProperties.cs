using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

public sealed class OrderNumberProperties
{
    private static readonly Gen<char> Digit = Gen.Char['0', '9'];

    /// <summary>Between two digits: nothing, or one or two of space, dash, no-break space.</summary>
    private static readonly Gen<string> Gap = Gen.Frequency(
        (3, Gen.Const(string.Empty)),
        (2, Gen.String[Gen.Char[" -\u00A0"], 1, 2]));

    private static readonly Gen<(string Digits, string Typed)> Typed =
        from digits in Digit.Array[OrderNumber.MinDigits, OrderNumber.MaxDigits]
        from gaps in Gap.Array[digits.Length - 1]
        from lead in Gen.OneOfConst(string.Empty, " ", "\u00A0")
        from trail in Gen.OneOfConst(string.Empty, " ", "\u00A0")
        select (new string(digits), lead + string.Concat(digits.Select((d, i) => i == 0 ? d.ToString() : gaps[i - 1] + d)) + trail);

    [Fact]
    public void Digits_with_any_separators_parse_back_to_exactly_the_digits() =>
        Typed.Sample(t =>
        {
            Assert.True(OrderNumber.TryParse(t.Typed, out var orderNumber), t.Typed);
            Assert.Equal(t.Digits, orderNumber);
        }, print: t => $"\"{t.Typed}\"");

    [Fact]
    public void Too_few_or_too_many_digits_are_rejected() =>
        Gen.OneOf(
                Digit.Array[1, OrderNumber.MinDigits - 1],
                Digit.Array[OrderNumber.MaxDigits + 1, 40])
            .Select(d => new string(d))
            .Sample(text => Assert.False(OrderNumber.TryParse(text, out _), text));

    [Fact]
    public void Any_text_containing_a_letter_is_rejected() =>
        Gen.Select(
                Gen.OneOf(Typed.Select(t => t.Typed), InputGen.AnyText),
                Gen.Char.Where(char.IsLetter),
                Gen.Double.Unit)
            .Select((text, letter, at) => text.Insert((int)(at * text.Length), letter.ToString()))
            .Sample(text => Assert.False(OrderNumber.TryParse(text, out _), text));

    [Fact]
    public void An_accepted_number_is_only_ascii_digits_within_the_length_limits() =>
        Gen.OneOf(Typed.Select(t => t.Typed), InputGen.AnyText)
            .Sample(text =>
            {
                if (OrderNumber.TryParse(text, out var orderNumber))
                {
                    Assert.InRange(orderNumber.Length, OrderNumber.MinDigits, OrderNumber.MaxDigits);
                    Assert.All(orderNumber, c => Assert.True(char.IsAsciiDigit(c)));
                }
            });
}
