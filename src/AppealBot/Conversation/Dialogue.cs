using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>Routes a user's input to the command or step that answers it. Pure: no Telegram, no SQL.</summary>
internal static class Dialogue
{
    /// <summary>The commands shown in Telegram's menu, in this order; each has a <c>command.NAME</c> description text.</summary>
    public static IReadOnlyList<string> MenuCommands { get; } = ["start", "help", "language"];

    public static Turn Handle(UserProfile user, UserInput input)
    {
        var turn = new Turn();
        switch (input)
        {
            case CommandInput { Name: "start" }:
                Start(user, turn);
                break;
            case CommandInput { Name: "help" }:
                turn.Send(Localizer.For(user.Language)["help.text"]);
                break;
            case CommandInput { Name: "language" }:
                AskLanguage(user, turn, replace: false);
                break;
            case CommandInput:
                turn.Send(Localizer.For(user.Language)["input.unknown_command"]);
                break;
            case ButtonInput button:
                Press(user, button, turn);
                break;
            case TextInput:
                turn.Send(Localizer.For(user.Language)["input.text_hint"]);
                break;
            default:
                turn.Send(Localizer.For(user.Language)["input.unsupported"]);
                break;
        }

        return turn;
    }

    private static void Start(UserProfile user, Turn turn)
    {
        var t = Localizer.For(user.Language);
        turn.Send(t["start.greeting"]);
    }

    private static void AskLanguage(UserProfile user, Turn turn, bool replace)
    {
        var t = Localizer.For(user.Language);
        var buttons = Buttons.Column([.. Languages.All.Select(l => new Button(t[$"language.name.{l.Code()}"], ButtonData.Language(l)))]);
        if (replace)
        {
            turn.Replace(t["language.prompt"], buttons);
        }
        else
        {
            turn.Send(t["language.prompt"], buttons);
        }
    }

    private static void Press(UserProfile user, ButtonInput button, Turn turn)
    {
        if (ButtonData.TryParseLanguage(button.Data, out var language))
        {
            user.ChooseLanguage(language);
            var t = Localizer.For(language);
            turn.Replace(t["language.changed"]).Notice(t["language.changed.notice"]);
            return;
        }

        var texts = Localizer.For(user.Language);
        turn.Notice(texts["input.stale_button"]);
    }
}
