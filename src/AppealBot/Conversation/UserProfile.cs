using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>What the bot remembers about one Telegram user.</summary>
internal sealed class UserProfile
{
    public required long Id { get; init; }

    public required long ChatId { get; set; }

    public required Language Language { get; set; }

    /// <summary>True once the user picked a language; from then on Telegram's language_code is ignored.</summary>
    public bool LanguageChosen { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The case the user is working on; null when none is open or the user stepped out with /cancel.</summary>
    public long? ActiveCaseId { get; set; }

    /// <summary>The case whose collage maker the user opened (/collage): photos go to it at any step, not only at the evidence step.</summary>
    public long? CollageCaseId { get; set; }

    /// <summary>IANA id of the user's time zone; until they pick one, the usual zone of their language.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>Whether the user wants a nudge about cases left untouched for a few days.</summary>
    public bool NudgesEnabled { get; set; } = true;

    /// <summary>The command's question the user's next message answers (a typed city after /timezone); None when no command asked.</summary>
    public PendingQuestion Pending { get; set; }

    /// <summary>Telegram said the user blocked the bot (as of loading); writing to the bot again clears it.</summary>
    public bool IsBlocked { get; init; }

    /// <summary>Telegram just said the user blocked the bot: store it, write nothing more.</summary>
    public bool BlocksBot { get; set; }

    /// <summary>The user confirmed /deletemydata: everything stored about them is erased instead of saved.</summary>
    public bool ForgetRequested { get; private set; }

    public void Forget() => ForgetRequested = true;

    public TimeZoneInfo TimeZone => UserTimeZones.Find(TimeZoneId) ?? UserTimeZones.DefaultFor(Language);

    public static UserProfile New(long id, long chatId, string? telegramLanguageCode, DateTimeOffset now) => new()
    {
        Id = id,
        ChatId = chatId,
        Language = Languages.FromTelegramCode(telegramLanguageCode),
        CreatedAt = now,
    };

    /// <summary>Follows the Telegram app's language until the user chooses one explicitly.</summary>
    public void FollowTelegramLanguage(string? telegramLanguageCode)
    {
        if (!LanguageChosen && !string.IsNullOrWhiteSpace(telegramLanguageCode))
        {
            Language = Languages.FromTelegramCode(telegramLanguageCode);
        }
    }

    public void ChooseLanguage(Language language)
    {
        Language = language;
        LanguageChosen = true;
    }
}

/// <summary>A command's question that owns the user's next message until it is answered or cancelled.</summary>
internal enum PendingQuestion
{
    None,
    TimeZone,
    Language,

    /// <summary>/deletemydata asked for confirmation: only while this is pending does "Delete" erase anything.</summary>
    ForgetData,
}
