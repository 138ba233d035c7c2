using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

public sealed class HelpInputTests
{
    [Theory]
    [InlineData("где это вставить?")]
    [InlineData("Где это вставить")]
    [InlineData("что делать")]
    [InlineData("Что делать?!")]
    [InlineData("что мне теперь делать")]
    [InlineData("помощь")]
    [InlineData("Помогите")]
    [InlineData("не понимаю")]
    [InlineData("я не поняла, куда нажимать")]
    [InlineData("как это сделать")]
    [InlineData("куда писать")]
    [InlineData("а номер заказа где взять?")]
    [InlineData("подскажите пожалуйста")]
    [InlineData("не знаю")]
    [InlineData("?")]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("what do I do now")]
    [InlineData("where do I paste this?")]
    [InlineData("I don't understand")]
    [InlineData("how do I find the order number")]
    [InlineData("aiuto")]
    [InlineData("Aiuto!")]
    [InlineData("come faccio?")]
    [InlineData("come faccio")]
    [InlineData("non capisco")]
    [InlineData("Non ho capito")]
    [InlineData("dove lo incollo")]
    [InlineData("cosa devo fare")]
    [InlineData("perché?")]
    [InlineData("perche")]
    [InlineData("non so")]
    [InlineData("¿qué?")]
    public void Asks_for_help(string text) => Assert.True(HelpInput.AsksForHelp(text), text);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("да")]
    [InlineData("нет")]
    [InlineData("вчера")]
    [InlineData("5 ноября")]
    [InlineData("8123 4567 8901 2345")]
    [InlineData("1 500 руб.")]
    [InlineData("Новосибирск")]
    [InlineData("товар пришёл сломанный")]
    [InlineData("продавец прислал не тот цвет")]
    [InlineData("sì")]
    [InlineData("ieri")]
    [InlineData("il pacco non è mai arrivato")]
    [InlineData("Milano")]
    [InlineData("yes")]
    [InlineData("the parcel never arrived")]
    [InlineData("UTC+7")]
    public void Does_not_ask(string? text) => Assert.False(HelpInput.AsksForHelp(text), text);

    [Fact]
    public void Anything_with_a_question_mark_asks() =>
        Gen.Select(InputGen.AnyText, Gen.Double.Unit)
            .Select((text, at) => text.Insert((int)(at * text.Length), "?"))
            .Sample(text => Assert.True(HelpInput.AsksForHelp(text)), iter: 300);

    [Fact]
    public void Answers_of_the_other_steps_are_not_questions() =>
        Gen.OneOfConst("да", "нет", "sì", "no", "yes", "вчера", "ieri", "yesterday", "5 ноября", "il 5 novembre", "8123456789012345",
                "Заказ №8123456789012399", "15 евро", "€15.50", "Москва", "Milano", "UTC+3", "👍")
            .Sample(text => Assert.False(HelpInput.AsksForHelp(text), text));
}
