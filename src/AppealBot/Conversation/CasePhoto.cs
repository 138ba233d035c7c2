namespace AppealBot.Conversation;

internal enum PhotoKind
{
    /// <summary>Sent as a photo: Telegram recompressed it to a JPEG.</summary>
    Photo,

    /// <summary>Sent as a file: the original, byte for byte.</summary>
    Document,
}

/// <summary>Where Telegram keeps a photo the user sent: the bot stores these ids, never the picture.</summary>
internal sealed record PhotoFile(string FileId, string FileUniqueId, PhotoKind Kind, long? FileSize, string? MimeType);

/// <summary>
/// A photo kept with a case for its collages; <see cref="Number"/> (1, 2, 3 … in sending order) is drawn on it, and
/// <see cref="Shows"/> is what the buyer ticked it shows (the only thing a collage's caption may claim).
/// </summary>
internal sealed record CasePhoto(int Number, PhotoFile File, PhotoShows Shows = PhotoShows.None);
