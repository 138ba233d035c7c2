using System.Net;
using AppealBot.Conversation;
using AppealBot.Evidence;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AppealBot.Telegram;

/// <summary>A photo fetched from Telegram into memory, or why it could not be.</summary>
internal readonly record struct Download(ReadOnlyMemory<byte> Bytes, PhotoIssueKind? Issue)
{
    public static Download Of(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    public static Download Failed(PhotoIssueKind issue) => new(ReadOnlyMemory<byte>.Empty, issue);
}

/// <summary>Telegram did not hand over a file after several tries: the whole job is off for now.</summary>
internal sealed class DownloadFailedException(string reason) : Exception($"Telegram did not hand over a photo: {reason}");

/// <summary>
/// Fetches photos the way the Bot API allows: getFile for a path, then the file itself from
/// <c>{baseUrl}/file/bot{token}/{path}</c>, straight into memory (never to disk). Files over the 20 MB the Bot
/// API lets bots download are refused before any byte is fetched.
/// </summary>
internal sealed class PhotoDownloads(ITelegramBotClient bot)
{
    private const int MaxAttempts = 3;

    /// <summary>Short waits between tries: the user is watching "sending a file…", and can press again later.</summary>
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    public async Task<Download> FetchAsync(PhotoFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.FileSize > CollageOptions.MaxDownloadBytes)
        {
            return Download.Failed(PhotoIssueKind.TooBig);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var info = await bot.GetFile(file.FileId, cancellationToken);
                if (info.FileSize > CollageOptions.MaxDownloadBytes)
                {
                    return Download.Failed(PhotoIssueKind.TooBig);
                }

                if (info.FilePath is null)
                {
                    return Download.Failed(PhotoIssueKind.Unreadable);
                }

                var buffer = new MemoryStream(capacity: (int)Math.Min(info.FileSize ?? 0, CollageOptions.MaxDownloadBytes));
                await bot.DownloadFile(info.FilePath, buffer, cancellationToken);
                return buffer.Length > CollageOptions.MaxDownloadBytes
                    ? Download.Failed(PhotoIssueKind.TooBig)
                    : Download.Of(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("too big", StringComparison.OrdinalIgnoreCase))
            {
                return Download.Failed(PhotoIssueKind.TooBig);
            }
            catch (ApiRequestException e) when (e.ErrorCode is 400 or 404)
            {
                // The file id is no longer valid (or never was): nothing to fetch.
                return Download.Failed(PhotoIssueKind.Unreadable);
            }
            catch (RequestException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
            {
                return Download.Failed(PhotoIssueKind.Unreadable);
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= MaxAttempts)
                {
                    throw new DownloadFailedException(TransientFailures.Describe(e));
                }

                await Task.Delay(FirstRetryDelay * (1 << (attempt - 1)), cancellationToken);
            }
        }
    }
}
