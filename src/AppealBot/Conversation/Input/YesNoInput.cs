namespace AppealBot.Conversation.Input;

internal enum YesNoAnswer
{
    NotUnderstood,
    Yes,
    No,
}

/// <summary>
/// A typed answer where Yes/No buttons are shown: «да», «угу», «нет, не было», «sì», «no, non», «yep», «nope», 👍, ❌.
/// Anything mixed or unsure («да нет», «не знаю», «forse», «maybe», «да?») is not understood: a wrong guess would move
/// the case on an answer the user never gave.
/// </summary>
internal static class YesNoInput
{
    /// <summary>An answer is a few words; a longer message is something else.</summary>
    public const int MaxWords = 6;

    private const int MaxLength = 80;

    private static readonly HashSet<string> Yes = Collapsed(
        "да", "ага", "угу", "ес", "верно", "точно", "именно", "yes",
        "si", "esatto", "esattamente", "giusto", "yeah", "yep", "yup", "yea", "ya", "correct", "indeed", "right");

    /// <summary>Yes alone; with a no they stress it: «конечно нет», «certo che no», «absolutely not».</summary>
    private static readonly HashSet<string> Surely = Collapsed(
        "конечно", "конешно", "канешно", "разумеется", "естественно", "безусловно",
        "certo", "certamente", "ovvio", "ovviamente", "assolutamente", "sicuramente",
        "course", "definitely", "absolutely", "certainly", "surely", "ofc");

    private static readonly HashSet<string> No = Collapsed(
        "нет", "не", "неа", "нету", "ни", "никогда", "ниразу",
        "no", "non", "mai", "niente", "nulla",
        "nope", "nah", "not", "never", "didn", "wasn", "hasn", "haven", "isn", "doesn", "don", "weren", "aren", "nothing");

    /// <summary>Doubt in any language: the answer is not a yes or a no.</summary>
    private static readonly HashSet<string> Unsure = Collapsed(
        "знаю", "помню", "уверен", "уверена", "наверное", "наверно", "может", "возможно", "вроде", "кажется", "частично", "совсем", "хз", "или", "либо", "сомневаюсь",
        "forse", "so", "boh", "magari", "credo", "penso", "mah", "dipende", "parte", "proprio", "ricordo", "idea", "o", "oppure",
        "maybe", "perhaps", "probably", "possibly", "dunno", "know", "think", "idk", "partly", "partially", "kinda", "sort", "or", "unsure", "remember");

    /// <summary>«sure» and «sicuro» say yes alone, but «not sure» and «non sono sicuro» are doubt.</summary>
    private static readonly HashSet<string> SureAlone = Collapsed("sure", "sicuro", "sicura");

    public static YesNoAnswer Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return YesNoAnswer.NotUnderstood;
        }

        var tokens = Tokens.Split(TypedText.Folded(text));
        var signs = tokens.FindAll(t => t.IsWord || Emoji(t.Text) != YesNoAnswer.NotUnderstood || t.Text is "🤷" or "🤔");
        if (signs.Count is 0 or > MaxWords || tokens.Exists(t => t.IsSymbol('?')))
        {
            return signs.Count == 0 && tokens.Count == 1 ? Sign(tokens[0]) : YesNoAnswer.NotUnderstood;
        }

        if (signs.Count == 1 && signs[0].Text is "y" or "n")
        {
            return signs[0].Text == "y" ? YesNoAnswer.Yes : YesNoAnswer.No;
        }

        var words = signs.ConvertAll(t => t.IsWord ? Collapse(t.Text) : t.Text);

        // Folding drops the accent that tells «sì» (yes) from «si» (the reflexive); look for it in the text as typed.
        var accentedSi = text.Contains("sì", StringComparison.OrdinalIgnoreCase) || text.Contains("sí", StringComparison.OrdinalIgnoreCase);
        var negated = words.Exists(w => No.Contains(w) || Emoji(w) == YesNoAnswer.No);
        int yes = 0, no = 0, surely = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var emoji = Emoji(word);
            if (word is "🤷" or "🤔" || Unsure.Contains(word) || (negated && SureAlone.Contains(word)))
            {
                return YesNoAnswer.NotUnderstood;
            }

            // «si» is also the Italian reflexive («non si è chiuso»): unaccented, it says yes only as the first word.
            yes += emoji == YesNoAnswer.Yes || (Yes.Contains(word) && (word != "si" || i == 0 || accentedSi)) || SureAlone.Contains(word) ? 1 : 0;
            no += emoji == YesNoAnswer.No || No.Contains(word) ? 1 : 0;
            surely += Surely.Contains(word) ? 1 : 0;
        }

        return (yes, no, surely) switch
        {
            (> 0, 0, _) or (0, 0, > 0) => YesNoAnswer.Yes,
            (0, > 0, _) => YesNoAnswer.No,
            _ => YesNoAnswer.NotUnderstood,
        };
    }

    /// <summary>A message that is only «+» or «-», as some people answer.</summary>
    private static YesNoAnswer Sign(Token token) => token.Text switch
    {
        "+" => YesNoAnswer.Yes,
        "-" or "\u2212" => YesNoAnswer.No,
        _ => YesNoAnswer.NotUnderstood,
    };

    private static YesNoAnswer Emoji(string text) => text switch
    {
        "👍" or "✅" or "✔" or "☑" or "👌" or "🆗" => YesNoAnswer.Yes,
        "👎" or "❌" or "✖" or "❎" or "🚫" or "⛔" => YesNoAnswer.No,
        _ => YesNoAnswer.NotUnderstood,
    };

    /// <summary>«дааа», «нееет», «siii», «nooo» are «да», «нет», «si», «no»; the lists are collapsed alike («esatto» → «esato»).</summary>
    private static string Collapse(string word)
    {
        var collapsed = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    private static HashSet<string> Collapsed(params string[] words) => [.. words.Select(w => Collapse(TypedText.Folded(w)))];
}
