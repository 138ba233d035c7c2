using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>An uploaded part of a multipart call: its form field, file name, content type and bytes.</summary>
internal sealed record UploadedPart(string Name, string FileName, string? ContentType, byte[] Content);

/// <summary>Typed access to a call's parameters, which may arrive as JSON values or as form strings, and its uploaded files.</summary>
internal sealed class BotApiArgs(JsonObject body, IReadOnlyDictionary<string, UploadedPart>? files = null)
{
    public JsonObject Body => body;

    public IReadOnlyDictionary<string, UploadedPart> Files { get; } = files ?? new Dictionary<string, UploadedPart>();

    public string? GetString(string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var other => other.ToJsonString(),
    };

    public long? GetInt64(string name) => body[name] switch
    {
        null => null,
        var node => ParseInt64(node) ?? throw BotApiFailure.BadRequest($"invalid {name} specified"),
    };

    public bool GetBool(string name) => body[name] switch
    {
        null => false,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value when value.TryGetValue(out string? text) => text is "true" or "1",
        _ => throw BotApiFailure.BadRequest($"invalid {name} specified"),
    };

    /// <summary>A JSON-serialized parameter such as reply_markup; form posts carry it as a string.</summary>
    public JsonNode? GetJson(string name)
    {
        var node = body[name];
        if (node is not JsonValue value || !value.TryGetValue(out string? text))
        {
            return node;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw BotApiFailure.BadRequest($"can't parse {name} JSON object");
        }
    }

    public long RequireChatId()
    {
        var chatId = body["chat_id"] ?? throw BotApiFailure.BadRequest("chat_id is empty");

        // "@username" chat ids name channels, which the fake never has.
        return ParseInt64(chatId) ?? throw BotApiFailure.BadRequest("chat not found");
    }

    public long? OptionalChatId() => body["chat_id"] is { } node ? ParseInt64(node) : null;

    public int RequireMessageId() =>
        body["message_id"] is { } node && ParseInt64(node) is { } id
            ? (int)id
            : throw BotApiFailure.BadRequest("message identifier is not specified");

    private static long? ParseInt64(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue(out long number) => number,
        JsonValue value when value.TryGetValue(out string? text)
                             && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
