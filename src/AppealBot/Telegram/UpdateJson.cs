using System.Text.Json.Serialization.Metadata;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>An update as JSON, through Telegram.Bot's own build-time metadata (no reflection, fit for Native AOT).</summary>
internal static class UpdateJson
{
    public static readonly JsonTypeInfo<Update> Info = (JsonTypeInfo<Update>)JsonBotAPI.Options.GetTypeInfo(typeof(Update));
}
