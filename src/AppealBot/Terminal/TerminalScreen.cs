using AppealBot.Conversation;
using AppealBot.Handling;

namespace AppealBot.Terminal;

/// <summary>Prints the bot's replies as a chat transcript and remembers the latest buttons so they can be pressed by number.</summary>
internal sealed class TerminalScreen(TextWriter output, bool ansi)
{
    private int _lastMessageId;

    /// <summary>The buttons of the most recent message that has any, and that message's id.</summary>
    public (int MessageId, IReadOnlyList<Button> Buttons)? LatestButtons { get; private set; }

    /// <summary>Prints what the bot answered to <paramref name="update"/>.</summary>
    public void Show(Inbound update, Turn turn)
    {
        if (update.CallbackQueryId is not null && turn.ButtonNotice is { } notice)
        {
            output.WriteLine($"  ({notice})");
        }

        foreach (var reply in turn.Replies)
        {
            var messageId = reply.ReplacesPressedMessage && update.PressedMessageId is { } pressed ? pressed : ++_lastMessageId;
            Show(messageId, reply);
        }

        if (turn.Attachment is { } attachment)
        {
            output.WriteLine();
            output.WriteLine(Prefix("bot") + $"📎 {attachment.FileName} — {HtmlToTerminal.Render(attachment.CaptionHtml, ansi)}");
            output.WriteLine(System.Text.Encoding.UTF8.GetString(attachment.Content));
        }

        // turn.Collages stays undone: the terminal cannot send photos, so the collage maker never has any here.
        output.Flush();
    }

    private void Show(int messageId, Reply reply)
    {
        output.WriteLine();
        output.WriteLine(Prefix("bot") + HtmlToTerminal.Render(reply.Html, ansi).Replace("\n", "\n     ", StringComparison.Ordinal));
        if (reply.Buttons is null)
        {
            return;
        }

        var all = reply.Buttons.Rows.SelectMany(r => r).ToList();
        var number = 0;
        foreach (var row in reply.Buttons.Rows)
        {
            output.WriteLine("     " + string.Join("   ", row.Select(b => $"[#{++number}] {b.Label}")));
        }

        LatestButtons = (messageId, all);
    }

    public string Prefix(string who) => ansi ? $"\e[2m{who}>\e[0m " : $"{who}> ";
}
