using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

public sealed class YesNoInputProperties
{
    private static readonly Gen<string> YesWord = Gen.OneOfConst("да", "ага", "угу", "конечно", "sì", "si", "certo", "esatto", "yes", "yeah", "yep", "👍", "✅");

    /// <summary>
    /// Yes words that do not only stress a no («конечно нет» is a no); not the unaccented «si», which after another
    /// word is the Italian reflexive («non si è chiuso»).
    /// </summary>
    private static readonly Gen<string> PlainYesWord = Gen.OneOfConst("да", "ага", "угу", "sì", "esatto", "yes", "yeah", "yep", "👍", "✅");

    private static readonly Gen<string> NoWord = Gen.OneOfConst("нет", "неа", "не", "no", "non", "nope", "👎", "❌");

    private static readonly Gen<string> UnsureWord = Gen.OneOfConst("не знаю", "наверное", "может", "forse", "non so", "boh", "maybe", "perhaps", "I don't know", "🤷");

    /// <summary>How people dress up a word: case, a repeated last letter, punctuation, spaces, an emoji after.</summary>
    private static readonly Gen<(int Case, bool Stretch, string Before, string After)> Dress =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.OneOfConst("", " ", "  ", "\u00A0", "\u200B"), Gen.OneOfConst("", ".", "!", "!!!", " !", ")", " :)", "\u00A0"));

    [Fact]
    public void A_yes_word_dressed_up_is_yes() =>
        Gen.Select(YesWord, Dress).Sample((word, dress) =>
            Assert.Equal(YesNoAnswer.Yes, YesNoInput.Read(Dressed(word, dress))), print: t => $"\"{Dressed(t.Item1, t.Item2)}\"");

    [Fact]
    public void A_no_word_dressed_up_is_no() =>
        Gen.Select(NoWord, Dress).Sample((word, dress) =>
            Assert.Equal(YesNoAnswer.No, YesNoInput.Read(Dressed(word, dress))), print: t => $"\"{Dressed(t.Item1, t.Item2)}\"");

    [Fact]
    public void A_yes_and_a_no_together_are_not_understood() =>
        Gen.Select(PlainYesWord, NoWord, Gen.Bool, Gen.OneOfConst(" ", ", ", " и ", " e ", " and ", "... "))
            .Sample((yes, no, yesFirst, between) =>
                Assert.Equal(YesNoAnswer.NotUnderstood, YesNoInput.Read(yesFirst ? yes + between + no : no + between + yes)));

    [Fact]
    public void Doubt_anywhere_is_not_understood() =>
        Gen.Select(Gen.OneOf(YesWord, NoWord, Gen.Const("")), UnsureWord, Gen.Bool)
            .Sample((answer, unsure, unsureFirst) =>
                Assert.Equal(YesNoAnswer.NotUnderstood, YesNoInput.Read(unsureFirst ? unsure + ", " + answer : answer + ", " + unsure)));

    [Fact]
    public void A_question_mark_is_never_an_answer() =>
        Gen.Select(Gen.OneOf(YesWord, NoWord), Dress)
            .Sample((word, dress) => Assert.Equal(YesNoAnswer.NotUnderstood, YesNoInput.Read(Dressed(word, dress) + "?")));

    private static string Dressed(string word, (int Case, bool Stretch, string Before, string After) dress)
    {
        var cased = dress.Case switch
        {
            1 => word.ToUpperInvariant(),
            2 => char.ToUpperInvariant(word[0]) + word[1..],
            _ => word,
        };
        var stretched = dress.Stretch && char.IsLetter(cased[^1]) ? cased + new string(cased[^1], 2) : cased;
        return dress.Before + stretched + dress.After;
    }
}
