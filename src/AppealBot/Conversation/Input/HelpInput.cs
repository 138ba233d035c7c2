namespace AppealBot.Conversation.Input;

/// <summary>
/// A typed message that asks rather than answers: a question («где это вставить?», «come faccio?») or a call for help
/// («помощь», «что делать», «aiuto», «non capisco», «help»). Ask it after the step's own reading has failed: «15 euro?»
/// is an amount first.
/// </summary>
internal static class HelpInput
{
    private const int MaxLength = 300;

    /// <summary>Words that ask for help wherever they stand.</summary>
    private static readonly HashSet<string> HelpWords = Fold(
        "помощь", "помоги", "помогите", "помочь", "справка", "хелп", "подскажите", "подскажи", "объясните", "объясни", "непонятно", "запутался", "запуталась",
        "aiuto", "aiutami", "aiutatemi", "aiutare", "spiegami", "spiegatemi",
        "help", "confused", "stuck", "sos", "idk", "dunno");

    /// <summary>Phrases that ask for help: what to do, not understanding, not knowing.</summary>
    private static readonly string[][] HelpPhrases = Phrases(
        "что делать", "что мне делать", "что теперь делать", "что мне теперь делать", "что же делать", "что дальше", "что теперь", "как быть", "не понимаю", "не понял", "не поняла", "не знаю", "не получается", "не могу найти",
        "come faccio", "come si fa", "cosa devo fare", "che devo fare", "cosa faccio", "che faccio", "non capisco", "non ho capito", "non so", "non riesco", "mi spieghi",
        "what do i do", "what should i do", "what now", "how do i", "don't understand", "dont understand", "don't get it", "don't know", "dont know", "no idea");

    /// <summary>Question words that open a question even without its question mark.</summary>
    private static readonly HashSet<string> QuestionStarts = Fold(
        "как", "где", "куда", "зачем", "почему", "откуда", "сколько", "какой", "какая", "какие", "каком", "какую", "можно", "разве",
        "come", "dove", "perche", "cosa", "quale", "quanto", "posso", "devo",
        "how", "where", "what", "why", "which", "can", "should");

    public static bool AsksForHelp(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.AsSpan().IndexOfAny('?', '¿', '？') >= 0)
        {
            return true;
        }

        if (text.Length > MaxLength)
        {
            return false;
        }

        var tokens = Tokens.Split(TypedText.Folded(text));
        var first = tokens.FindIndex(t => t.IsWord);
        if (first >= 0 && QuestionStarts.Contains(tokens[first].Text))
        {
            return true;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (HelpWords.Contains(tokens[i].Text) || Array.Exists(HelpPhrases, p => Phrase.Length(tokens, i, p) > 0))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Fold(params string[] words) => [.. words.Select(TypedText.Folded)];

    private static string[][] Phrases(params string[] phrases) =>
        [.. phrases.Select(p => TypedText.Folded(p).Split(' ', '\''))];
}
