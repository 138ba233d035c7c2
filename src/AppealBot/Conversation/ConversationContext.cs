using AppealBot.Localization;
using AppealBot.Reminders;

namespace AppealBot.Conversation;

/// <summary>Everything the conversation may read while answering one input.</summary>
internal sealed class ConversationContext
{
    public required UserProfile User { get; init; }

    public required ICaseBook Cases { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required ReminderOptions Reminders { get; init; }

    public Localizer Texts => Localizer.For(User.Language);

    /// <summary>The user's calendar day: dates they pick or type mean their local days.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, User.TimeZone).DateTime);
}
