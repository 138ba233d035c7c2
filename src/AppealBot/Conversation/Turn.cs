namespace AppealBot.Conversation;

/// <summary>The bot's answer to one input: messages to send, and the short notice for a pressed button.</summary>
internal sealed class Turn
{
    private readonly List<Reply> _replies = [];

    public IReadOnlyList<Reply> Replies => _replies;

    /// <summary>Shown briefly over the chat when the input was a button press.</summary>
    public string? ButtonNotice { get; private set; }

    public Turn Send(string html, Buttons? buttons = null)
    {
        _replies.Add(new Reply(html, buttons, ReplacesPressedMessage: false));
        return this;
    }

    /// <summary>Replaces the message whose button was pressed, instead of adding a new one.</summary>
    public Turn Replace(string html, Buttons? buttons = null)
    {
        _replies.Add(new Reply(html, buttons, ReplacesPressedMessage: true));
        return this;
    }

    public Turn Notice(string text)
    {
        ButtonNotice = text;
        return this;
    }
}

internal sealed record Reply(string Html, Buttons? Buttons, bool ReplacesPressedMessage);

/// <summary>An inline keyboard: rows of buttons, each a label and compact callback data.</summary>
internal sealed record Buttons(IReadOnlyList<IReadOnlyList<Button>> Rows)
{
    public static Buttons Column(params Button[] buttons) => new([.. buttons.Select(b => (IReadOnlyList<Button>)[b])]);

    public static Buttons Row(params Button[] buttons) => new([buttons]);
}

internal sealed record Button(string Label, string Data);
