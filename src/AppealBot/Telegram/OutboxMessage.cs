using System.Text;
using System.Text.Json;
using AppealBot.Conversation;

namespace AppealBot.Telegram;

internal enum OutboxKind
{
    /// <summary>A new message (or, with <see cref="Reply.Supersedes"/>, an edit of the chat's latest one).</summary>
    Message = 0,

    /// <summary>An edit of the message whose button was pressed.</summary>
    EditPressed = 1,

    /// <summary>A file, with the reply's HTML as its caption.</summary>
    Document = 2,
}

/// <summary>
/// One message the bot owes a chat, as stored in the outbox with the update that produced it. <see cref="Collages"/>
/// rides along in memory only: collage work asked for just before a crash is asked for again by the user.
/// </summary>
internal sealed record OutboxMessage(
    long Id,
    long ChatId,
    long UpdateId,
    OutboxKind Kind,
    Reply Reply,
    int? MessageId,
    Attachment? Document,
    DateTimeOffset CreatedAt)
{
    public CollageRequest? Collages { get; init; }

    /// <summary>What the message looks like once sent: an edit to exactly this is a no-op Telegram refuses.</summary>
    public int ContentHash => ContentOf(Reply.Html, Reply.Buttons);

    public static int ContentOf(string html, Buttons? buttons) => HashCode.Combine(html, ButtonsJson.Write(buttons));
}

/// <summary>Buttons as compact JSON, <c>[[["label","data"],…],…]</c>, for the outbox.</summary>
internal static class ButtonsJson
{
    public static string? Write(Buttons? buttons)
    {
        if (buttons is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var row in buttons.Rows)
            {
                json.WriteStartArray();
                foreach (var button in row)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(button.Label);
                    json.WriteStringValue(button.Data);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static Buttons? Read(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var rows = new List<IReadOnlyList<Button>>();
        foreach (var row in document.RootElement.EnumerateArray())
        {
            rows.Add([.. row.EnumerateArray().Select(b => new Button(b[0].GetString()!, b[1].GetString()!))]);
        }

        return new Buttons(rows);
    }
}
