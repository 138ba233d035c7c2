using System.Globalization;
using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

public sealed class DateInputProperties
{
    private static readonly Gen<DateDirection> Direction = Gen.OneOfConst(DateDirection.Past, DateDirection.Future);

    private static readonly Gen<DateOnly> Date = Gen.DateOnly[new DateOnly(2001, 1, 1), new DateOnly(2099, 12, 31)];

    private static readonly Gen<string> FullFormat = Gen.OneOfConst("dd.MM.yyyy", "d/M/yyyy", "yyyy-MM-dd", "d.M.yyyy", "dd-MM-yyyy", "dd/MM/yy", "d MMMM yyyy", "d MMM yyyy");

    private static readonly Gen<string> YearlessFormat = Gen.OneOfConst("dd.MM", "d.M", "d/M", "dd-MM", "d MMMM", "d MMM");

    private static readonly Gen<string> Separator = Gen.OneOfConst(".", "/", "-", " . ", "\u00A0/\u00A0", " -");

    private static readonly Gen<string> SmallNumber =
        Gen.Select(Gen.Int[0, 40], Gen.Bool).Select((n, padded) => n.ToString(padded ? "00" : "0", CultureInfo.InvariantCulture));

    /// <summary>Day and month numbers, valid or not: "7.3", "31/02", "00-13", "29.02.".</summary>
    private static readonly Gen<string> YearlessText =
        Gen.Select(SmallNumber, Separator, SmallNumber, Gen.OneOfConst(string.Empty, ".", " "))
            .Select((day, separator, month, end) => day + separator + month + end);

    /// <summary>Day, month and a two- or four-digit year from anywhere in 0–9999, or ISO.</summary>
    private static readonly Gen<string> NumericText = Gen.OneOf(
        Gen.Select(YearlessText, Separator, Gen.Int[0, 9999], Gen.Bool)
            .Select((dayMonth, separator, year, shortYear) => dayMonth.TrimEnd('.', ' ') + separator + year.ToString(shortYear ? "00" : "0000", CultureInfo.InvariantCulture)),
        Gen.Select(Gen.Int[0, 9999], SmallNumber, SmallNumber)
            .Select((year, month, day) => year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month + "-" + day),
        YearlessText,
        InputGen.DateLikeText);

    private static readonly Gen<CultureInfo> UserCulture = Gen.OneOfConst(InputGen.Russian, InputGen.Italian, InputGen.English);

    [Fact]
    public void A_date_written_with_its_year_parses_back_to_itself_in_either_direction() =>
        Gen.Select(Date, FullFormat, UserCulture, InputGen.Today, Direction)
            .Sample((d, format, culture, today, direction) =>
            {
                var text = Format(d, format, culture);
                Assert.True(DateInput.TryParse(text, culture, today, direction, out var parsed), text);
                Assert.Equal(d, parsed);
            }, print: t => $"{t.Item1:yyyy-MM-dd} as \"{Format(t.Item1, t.Item2, t.Item3)}\" ({t.Item3.Name}), today {t.Item4:yyyy-MM-dd}, {t.Item5}");

    [Fact]
    public void A_date_without_a_year_is_the_nearest_on_the_expected_side_of_today() =>
        Gen.Select(Date, YearlessFormat, UserCulture, InputGen.Today, Direction)
            .Sample((d, format, culture, today, direction) =>
            {
                var text = Format(d, format, culture);
                var parsed = DateInput.TryParse(text, culture, today, direction, out var date);
                if (d is { Month: 2, Day: 29 })
                {
                    // The nearest leap year may be up to four years away; the parser looks one year over at most.
                    if (parsed)
                    {
                        Assert.Equal((2, 29), (date.Month, date.Day));
                        Assert.True(direction == DateDirection.Past ? date <= today : date >= today, $"{text} -> {date:yyyy-MM-dd}");
                    }

                    return;
                }

                Assert.True(parsed, text);
                Assert.Equal((d.Month, d.Day), (date.Month, date.Day));

                // On the expected side of today, and the same day a year closer would already be on the other side.
                var nearest = direction == DateDirection.Past
                    ? date <= today && date.AddYears(1) > today
                    : date >= today && date.AddYears(-1) < today;
                Assert.True(nearest, $"{text} -> {date:yyyy-MM-dd}");
            }, print: t => $"\"{Format(t.Item1, t.Item2, t.Item3)}\" ({t.Item3.Name}), today {t.Item4:yyyy-MM-dd}, {t.Item5}");

    [Fact]
    public void Any_accepted_date_lies_between_2000_and_2100() =>
        Gen.Select(Gen.OneOf(NumericText, InputGen.AnyText), InputGen.Culture, InputGen.Today, Direction)
            .Sample((text, culture, today, direction) =>
            {
                if (DateInput.TryParse(text, culture, today, direction, out var date))
                {
                    Assert.InRange(date, new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
                }
            });

    [Fact]
    public void An_accepted_date_without_a_year_is_never_on_the_wrong_side_of_today() =>
        Gen.Select(YearlessText, InputGen.Culture, InputGen.Today, Direction)
            .Sample((text, culture, today, direction) =>
            {
                if (DateInput.TryParse(text, culture, today, direction, out var date))
                {
                    Assert.True(direction == DateDirection.Past ? date <= today : date >= today, $"\"{text}\" -> {date:yyyy-MM-dd}");
                }
            });

    /// <summary>Month names in the user's language; numbers with the invariant culture, so '/' stays a slash.</summary>
    private static string Format(DateOnly date, string format, CultureInfo culture) =>
        date.ToString(format, format.Contains("MMM", StringComparison.Ordinal) ? culture : CultureInfo.InvariantCulture);
}
