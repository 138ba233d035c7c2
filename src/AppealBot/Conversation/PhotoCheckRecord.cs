using AppealBot.Evidence;

namespace AppealBot.Conversation;

/// <summary>
/// What the photo check found on one of a case's photos and whether the buyer chose to keep it anyway. It belongs to
/// the photo's Telegram file (numbers change when photos are left out); <see cref="Id"/> travels in the buttons.
/// </summary>
internal sealed record PhotoCheckRecord(long Id, string FileUniqueId, PhotoFindings Findings, string? Repeats, bool Kept)
{
    public bool Pending => !Kept && Findings != PhotoFindings.None;
}
