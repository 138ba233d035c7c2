using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AppealBot.Conversation;

namespace AppealBot.Storage;

/// <summary>
/// The case file as stored in <c>cases.facts</c>: enums by name (so members may be added or reordered), nothing
/// written for facts not given. Generated at build time, so it also works in the Native AOT build.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CaseFacts))]
internal sealed partial class CaseFactsJson : JsonSerializerContext
{
    /// <summary>Cyrillic and accents as they are (readable in the database); the document never goes into HTML.</summary>
    private static CaseFactsJson Readable => field ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string Write(CaseFacts facts) => JsonSerializer.Serialize(facts, Readable.CaseFacts);

    /// <summary>The stored facts; an unreadable document (written by a newer version, or damaged) reads as an empty file.</summary>
    public static CaseFacts Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new CaseFacts();
        }

        try
        {
            return JsonSerializer.Deserialize(json, Default.CaseFacts) ?? new CaseFacts();
        }
        catch (JsonException)
        {
            return new CaseFacts();
        }
    }
}
