using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AppealBot.Reminders;

namespace AppealBot.Conversation;

/// <summary>Everything stored about one user, as the JSON document /export sends them (the GDPR's right of access).</summary>
internal static class DataExport
{
    public static async Task<byte[]> BuildAsync(ConversationContext ctx)
    {
        var user = ctx.User;
        var cases = new List<ExportedCase>();
        foreach (var c in await ctx.Cases.ListAsync())
        {
            var photos = await ctx.Cases.PhotosAsync(c.Id);
            var checks = (await ctx.Cases.PhotoChecksAsync(c.Id)).ToDictionary(k => k.FileUniqueId, StringComparer.Ordinal);
            cases.Add(new ExportedCase(
                c.Id,
                c.OrderNumber,
                c.Step.ToString(),
                c.Problem?.ToString(),
                c.Facts,
                c.DisputeClaim?.ToString(),
                c.DisputeAmount,
                c.DisputeClosedOn,
                c.Reasons.ToString(),
                c.EvidenceReady.ToString(),
                c.Compensation?.ToString(),
                c.CompensationAmount,
                c.Filings,
                c.FiledOn,
                c.CheckBackDue,
                c.DecisionDue,
                c.Rejections,
                c.RefundAmount,
                c.RefundDue,
                c.Outcome.ToString(),
                c.Paused,
                c.CreatedAt,
                c.UpdatedAt,
                [.. photos.Select(p => new ExportedPhoto(p.Number, p.File.FileId, p.File.Kind.ToString(),
                    checks.GetValueOrDefault(p.File.FileUniqueId)?.Findings.ToString(), checks.GetValueOrDefault(p.File.FileUniqueId)?.Kept == true))],
                [.. ReminderPlan.For(c, user, ctx.Reminders, ctx.Deadlines).Select(r => new ExportedReminder(r.Kind.ToString(), r.DueAt))]));
        }

        var document = new ExportedUser(
            ctx.Now,
            user.Id,
            user.Language.ToString().ToLowerInvariant(),
            user.LanguageChosen,
            user.TimeZone.Id,
            user.NudgesEnabled,
            user.CreatedAt,
            cases);
        return JsonSerializer.SerializeToUtf8Bytes(document, ExportJson.Readable.ExportedUser);
    }
}

internal sealed record ExportedUser(
    DateTimeOffset ExportedAt,
    long TelegramUserId,
    string Language,
    bool LanguageChosen,
    string TimeZone,
    bool NudgesEnabled,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ExportedCase> Cases);

internal sealed record ExportedCase(
    long Id,
    string? OrderNumber,
    string Step,
    string? Problem,
    CaseFacts Facts,
    string? DisputeClaim,
    Money? DisputeAmount,
    DateOnly? DisputeClosedOn,
    string LossReasons,
    string EvidenceReady,
    string? Compensation,
    Money? CompensationAmount,
    int Filings,
    DateOnly? FiledOn,
    DateTimeOffset? CheckBackDue,
    DateOnly? DecisionDue,
    int Rejections,
    Money? RefundAmount,
    DateOnly? RefundDue,
    string Outcome,
    bool Paused,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ExportedPhoto> Photos,
    IReadOnlyList<ExportedReminder> PendingReminders);

/// <summary>A photo, with what the photo check found on it (null: nothing) and whether the buyer kept it anyway.</summary>
internal sealed record ExportedPhoto(int Number, string FileId, string Kind, string? CheckFound, bool KeptAnyway);

internal sealed record ExportedReminder(string Kind, DateTimeOffset DueAt);

/// <summary>The export's JSON, generated at build time (no reflection, so it also works in the Native AOT build).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ExportedUser))]
internal sealed partial class ExportJson : JsonSerializerContext
{
    /// <summary>Cyrillic and accents as they are, so the file reads as the user wrote; it is a download, never HTML.</summary>
    public static ExportJson Readable => field ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
