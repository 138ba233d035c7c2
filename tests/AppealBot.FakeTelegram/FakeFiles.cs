using System.Globalization;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>A file a test put on the server: what a user's photo or document message refers to.</summary>
public sealed record RegisteredFile(string FileId, string FileUniqueId, long Size);

/// <summary>A file the bot uploaded (multipart) or re-sent by file id, as it arrived.</summary>
public sealed record SentFile(string Kind, string FileId, string FileName, string? MimeType, byte[] Content);

/// <summary>The server's file storage: files users "sent" (registered by tests) and files the bot uploaded.</summary>
internal sealed class FakeFiles
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredFile> _byId = [];
    private readonly Dictionary<string, StoredFile> _byPath = [];
    private int _last;

    /// <param name="reportedSize">The size getFile reports, when a test needs it to differ from the content (a file "over 20 MB").</param>
    public StoredFile Add(byte[] content, string? mimeType, long? reportedSize = null, string folder = "photos")
    {
        lock (_gate)
        {
            var n = (++_last).ToString("0000", CultureInfo.InvariantCulture);
            var file = new StoredFile($"AgACAgIAAx-test-file-{n}", $"AQADtest{n}", $"{folder}/file_{n}{Extension(mimeType)}",
                content, mimeType, reportedSize ?? content.LongLength);
            _byId.Add(file.FileId, file);
            _byPath.Add(file.FilePath, file);
            return file;
        }
    }

    public StoredFile? Find(string fileId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(fileId);
        }
    }

    public StoredFile? FindByPath(string path)
    {
        lock (_gate)
        {
            return _byPath.GetValueOrDefault(path);
        }
    }

    private static string Extension(string? mimeType) => mimeType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/heic" => ".heic",
        "application/pdf" => ".pdf",
        _ => "",
    };
}

internal sealed record StoredFile(string FileId, string FileUniqueId, string FilePath, byte[] Content, string? MimeType, long Size)
{
    public RegisteredFile ToRegistered() => new(FileId, FileUniqueId, Size);
}
