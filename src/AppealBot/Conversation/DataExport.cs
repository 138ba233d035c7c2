using System.Text.Json;
using AppealBot.Reminders;

namespace AppealBot.Conversation;

/// <summary>Everything stored about one user, as the JSON document /export sends them (the GDPR's right of access).</summary>
internal static class DataExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<byte[]> BuildAsync(ConversationContext ctx)
    {
        var user = ctx.User;
        var cases = new List<object>();
        foreach (var c in await ctx.Cases.ListAsync())
        {
            var photos = await ctx.Cases.PhotosAsync(c.Id);
            cases.Add(new
            {
                c.Id,
                c.OrderNumber,
                Step = c.Step.ToString(),
                Problem = c.Problem?.ToString(),
                DisputeClaim = c.DisputeClaim?.ToString(),
                DisputeAmount = c.DisputeAmount,
                c.DisputeClosedOn,
                LossReasons = c.Reasons.ToString(),
                EvidenceReady = c.EvidenceReady.ToString(),
                Compensation = c.Compensation?.ToString(),
                c.CompensationAmount,
                c.Filings,
                c.FiledOn,
                c.CheckBackDue,
                c.DecisionDue,
                c.Rejections,
                c.RefundAmount,
                c.RefundDue,
                Outcome = c.Outcome.ToString(),
                c.Paused,
                c.CreatedAt,
                c.UpdatedAt,
                Photos = photos.Select(p => new { p.Number, p.File.FileId, Kind = p.File.Kind.ToString() }),
                PendingReminders = ReminderPlan.For(c, user, ctx.Reminders).Select(r => new { Kind = r.Kind.ToString(), r.DueAt }),
            });
        }

        var document = new
        {
            ExportedAt = ctx.Now,
            TelegramUserId = user.Id,
            Language = user.Language.ToString().ToLowerInvariant(),
            user.LanguageChosen,
            TimeZone = user.TimeZone.Id,
            user.NudgesEnabled,
            user.CreatedAt,
            Cases = cases,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Indented);
    }
}
