using AppealBot.Evidence;
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

    public CollageOptions Collages { get; init; } = new();

    public DeadlineOptions Deadlines { get; init; } = new();

    /// <summary>Where the buyer lives, as far as the routes outside AliExpress go.</summary>
    public BuyerCountry Country => Conversation.Deadlines.CountryOf(User);

    public Localizer Texts => Localizer.For(User.Language);

    /// <summary>The user's calendar day: dates they pick or type mean their local days.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, User.TimeZone).DateTime);

    /// <summary>The open case the user is working on, if any.</summary>
    public async Task<Case?> ActiveCaseAsync() =>
        User.ActiveCaseId is { } id && await Cases.FindAsync(id) is { IsClosed: false } active ? active : null;
}
