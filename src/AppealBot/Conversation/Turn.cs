namespace AppealBot.Conversation;

/// <summary>The bot's answer to one input: messages to send, the short notice for a pressed button, and work to do after them.</summary>
internal sealed class Turn
{
    private readonly List<Reply> _replies = [];

    public IReadOnlyList<Reply> Replies => _replies;

    /// <summary>Shown briefly over the chat when the input was a button press.</summary>
    public string? ButtonNotice { get; private set; }

    /// <summary>Collages to make once the replies are out; null when there are none.</summary>
    public CollageRequest? Collages { get; private set; }

    /// <param name="supersedes">
    /// A key: when the bot's latest message in the chat was sent with the same key, it is edited instead of a new
    /// one being sent (one "5 photos received" for an album rather than five messages).
    /// </param>
    public Turn Send(string html, Buttons? buttons = null, string? supersedes = null)
    {
        _replies.Add(new Reply(html, buttons, ReplacesPressedMessage: false, supersedes));
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

    /// <summary>A file sent after the replies (the user's data for /export).</summary>
    public Attachment? Attachment { get; private set; }

    public Turn Attach(Attachment attachment)
    {
        Attachment = attachment;
        return this;
    }

    public Turn MakeCollages(CollageRequest request)
    {
        Collages = request;
        return this;
    }
}

internal sealed record Attachment(string FileName, byte[] Content, string CaptionHtml);

internal sealed record Reply(string Html, Buttons? Buttons, bool ReplacesPressedMessage, string? Supersedes = null);

/// <summary>An inline keyboard: rows of buttons, each a label and compact callback data.</summary>
internal sealed record Buttons(IReadOnlyList<IReadOnlyList<Button>> Rows)
{
    public static Buttons Column(params Button[] buttons) => new([.. buttons.Select(b => (IReadOnlyList<Button>)[b])]);

    public static Buttons Row(params Button[] buttons) => new([buttons]);
}

internal sealed record Button(string Label, string Data);
