namespace AppealBot.Conversation;

/// <summary>The current user's cases, as the conversation sees them; changes are stored with the update.</summary>
internal interface ICaseBook
{
    /// <summary>One of this user's cases; null for another user's id or one that does not exist.</summary>
    Task<Case?> FindAsync(long caseId);

    /// <summary>All of this user's cases, open ones first, newest first.</summary>
    Task<IReadOnlyList<Case>> ListAsync();

    Task<Case> OpenNewAsync(DateTimeOffset now);
}
