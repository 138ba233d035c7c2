namespace AppealBot.Conversation;

/// <summary>The current user's cases, as the conversation sees them; changes are stored with the update.</summary>
internal interface ICaseBook
{
    /// <summary>One of this user's cases; null for another user's id or one that does not exist.</summary>
    Task<Case?> FindAsync(long caseId);

    /// <summary>All of this user's cases, open ones first, newest first.</summary>
    Task<IReadOnlyList<Case>> ListAsync();

    Task<Case> OpenNewAsync(DateTimeOffset now);

    /// <summary>The photos kept for one of this user's cases, by number.</summary>
    Task<IReadOnlyList<CasePhoto>> PhotosAsync(long caseId);

    /// <summary>Keeps a photo with the case after its others, and returns it with its number.</summary>
    Task<CasePhoto> AddPhotoAsync(long caseId, PhotoFile file, DateTimeOffset now);

    /// <summary>Forgets these photos and numbers the rest again 1, 2, 3 … in the order they were sent.</summary>
    Task RemovePhotosAsync(long caseId, IReadOnlyCollection<int> numbers);

    Task ClearPhotosAsync(long caseId);

    /// <summary>The photo check's findings on this case's photos (only photos something was found on).</summary>
    Task<IReadOnlyList<PhotoCheckRecord>> PhotoChecksAsync(long caseId);

    /// <summary>The buyer keeps a flagged photo anyway; false when there is no such unanswered finding (a stale button).</summary>
    Task<bool> KeepPhotoAsync(long caseId, long checkId);
}
