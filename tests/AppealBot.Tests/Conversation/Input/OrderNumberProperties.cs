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

    /// <summary>
    /// Digits, whole or split in parts as people type them. A part as long as an order number stands for itself
    /// («2025 8123456789012399» is a year and a number), so when the digits are split, every part is shorter.
    /// </summary>
    private static readonly Gen<(string Digits, string Typed)> Typed =
        from digits in Digit.Array[OrderNumber.MinDigits, OrderNumber.MaxDigits]
        from gaps in Gap.Array[digits.Length - 1]
        from lead in Gen.OneOfConst(string.Empty, " ", "\u00A0")
        from trail in Gen.OneOfConst(string.Empty, " ", "\u00A0")
        select (new string(digits), lead + string.Concat(digits.Select((d, i) => i == 0 ? d.ToString() : Split(gaps)[i - 1] + d)) + trail);

    /// <summary>When there is a gap at all, one in the middle of every part of <see cref="OrderNumber.MinDigits"/> digits or more.</summary>
    private static string[] Split(string[] gaps)
    {
        if (gaps.All(g => g.Length == 0))
        {
            return gaps;
        }

        var split = (string[])gaps.Clone();
        var partStart = 0;
        for (var i = 0; i <= split.Length; i++)
        {
            if (i == split.Length || split[i].Length > 0)
            {
                var partLength = i + 1 - partStart;
                if (partLength >= OrderNumber.MinDigits)
                {
                    split[partStart + (partLength / 2) - 1] = " ";
                }

                partStart = i + 1;
            }
        }

        return split;
    }

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
    public void A_letter_between_two_digits_makes_it_no_number() =>
        Gen.Select(Typed, Gen.Char.Where(char.IsLetter), Gen.Double.Unit)
            .Select((t, letter, at) =>
            {
                var between = Enumerable.Range(1, t.Typed.Length - 1).Where(i => char.IsAsciiDigit(t.Typed[i - 1]) && char.IsAsciiDigit(t.Typed[i])).ToArray();
                return between.Length == 0 ? t.Typed + letter : t.Typed.Insert(between[(int)(at * between.Length)], letter.ToString());
            })
            .Sample(text => Assert.False(OrderNumber.TryParse(text, out _), text));

    private static readonly Gen<string> Before = Gen.OneOfConst(
        "", "Заказ №", "заказ № ", "Номер заказа: ", "мой заказ ", "ordine ", "Ordine n. ", "ordine n.", "order #", "Order ", "order id:", "(", "«",
        "25.11.2025 ", "от 5 ноября ", "в 12:30 ", "+7 912 345-67-89, ", "15,50 € — ");

    private static readonly Gen<string> After = Gen.OneOfConst(
        "", ".", "!", ")", "»", ", помогите", " от 25.11.2025", " del 25/11/2025", ", grazie", " please", " +7 912 345 67 89", " – 12 шт.", " 😀");

    [Fact]
    public void A_number_inside_a_sentence_reads_back_to_its_digits() =>
        Gen.Select(Typed, Before, After)
            .Sample((t, before, after) =>
            {
                Assert.True(OrderNumber.TryParse(before + t.Typed + after, out var orderNumber), before + t.Typed + after);
                Assert.Equal(t.Digits, orderNumber);
            }, print: t => $"\"{t.Item2 + t.Item1.Typed + t.Item3}\"");

    [Fact]
    public void Two_different_numbers_in_one_message_are_not_guessed_between() =>
        Gen.Select(Typed, Typed, Gen.OneOfConst(" или ", " o ", " or ", ", ", "\n", " и ещё "))
            .Where((a, b, _) => a.Digits != b.Digits)
            .Sample((a, b, between) => Assert.False(OrderNumber.TryParse(a.Typed + between + b.Typed, out _), a.Typed + between + b.Typed));

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
