using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>A message's inline keyboard, validated like the real server; <see cref="None"/> when the message has none.</summary>
internal sealed class InlineKeyboard
{
    public const int MaxCallbackDataBytes = 64;

    private static readonly string[] OtherButtonActions =
    [
        "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    private InlineKeyboard(InlineKeyboardMarkup? markup, IReadOnlyList<IReadOnlyList<BotButton>> buttons)
    {
        Markup = markup;
        Buttons = buttons;
        Json = markup is null ? string.Empty : JsonSerializer.Serialize(markup, JsonBotAPI.Options);
    }

    public static InlineKeyboard None { get; } = new(null, []);

    public InlineKeyboardMarkup? Markup { get; }

    public IReadOnlyList<IReadOnlyList<BotButton>> Buttons { get; }

    /// <summary>The normalized markup, for the "message is not modified" comparison.</summary>
    public string Json { get; }

    /// <param name="replyMarkup">The reply_markup parameter.</param>
    /// <param name="inlineOnly">Edits accept only inline keyboards; sendMessage also accepts reply keyboards, which the fake does not track.</param>
    public static InlineKeyboard Parse(JsonNode? replyMarkup, bool inlineOnly)
    {
        if (replyMarkup is null)
        {
            return None;
        }

        if (replyMarkup is not JsonObject markup)
        {
            throw CantParse();
        }

        if (markup["inline_keyboard"] is not { } keyboard)
        {
            return inlineOnly ? throw BotApiFailure.BadRequest("inline keyboard expected") : None;
        }

        if (keyboard is not JsonArray rows || rows.Any(row => row is not JsonArray))
        {
            throw CantParse();
        }

        var buttons = rows.Select(row => (IReadOnlyList<BotButton>)[.. row!.AsArray().Select(ParseButton)]).ToList();
        try
        {
            return new InlineKeyboard(markup.Deserialize<InlineKeyboardMarkup>(JsonBotAPI.Options), buttons);
        }
        catch (JsonException)
        {
            throw CantParse();
        }
    }

    private static BotButton ParseButton(JsonNode? node)
    {
        if (node is not JsonObject button)
        {
            throw CantParse();
        }

        var text = StringOf(button["text"]);
        var callbackData = StringOf(button["callback_data"]);
        var url = StringOf(button["url"]);
        if (string.IsNullOrEmpty(text))
        {
            throw BotApiFailure.BadRequest("BUTTON_DATA_INVALID");
        }

        if (callbackData is not null && Encoding.UTF8.GetByteCount(callbackData) is < 1 or > MaxCallbackDataBytes)
        {
            throw BotApiFailure.BadRequest("BUTTON_DATA_INVALID");
        }

        if (url is not null && url.Length == 0)
        {
            throw BotApiFailure.BadRequest("BUTTON_URL_INVALID");
        }

        if (callbackData is null && url is null && !OtherButtonActions.Any(button.ContainsKey))
        {
            throw BotApiFailure.BadRequest("text buttons are unallowed in the inline keyboard");
        }

        return new BotButton(text, callbackData, url);
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString();

    private static BotApiFailure CantParse() => BotApiFailure.BadRequest("can't parse reply keyboard markup JSON object");
}
