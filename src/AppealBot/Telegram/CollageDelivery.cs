using System.Diagnostics;
using AppealBot.Conversation;
using AppealBot.Evidence;
using AppealBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppealBot.Telegram;

/// <summary>
/// Makes one case's collages: fetches each photo from Telegram and reads its shape, lays the readable ones out,
/// draws each sheet one photo at a time, and uploads the sheets as documents with a caption naming their photos.
/// Before any drawing, each photo is checked (blur, exposure, size, repeats); while the buyer has not answered a
/// finding, the findings are sent instead of collages. Pictures exist only in memory while this runs.
/// </summary>
internal sealed partial class CollageDelivery(
    PhotoDownloads downloads,
    TelegramReplySender sender,
    IPhotoCheckStore checks,
    IOptions<CollageOptions> options,
    ILogger<CollageDelivery> logger)
{
    /// <summary>Downloaded files kept between reading their shape and drawing them; past this they are fetched again.</summary>
    private const long KeptBytes = 64L * 1024 * 1024;

    public async Task RunAsync(CollageJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var request = job.Request;
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        await sender.ShowUploadingAsync(job.ChatId, cancellationToken);

        var issues = new List<PhotoIssue>();
        var readable = new List<(CasePhoto Photo, PhotoShape Shape)>();
        var measured = new List<(CasePhoto Photo, PhotoMeasures Measures)>();
        var kept = new Dictionary<int, ReadOnlyMemory<byte>>();
        long keptBytes = 0;
        foreach (var photo in request.Photos)
        {
            var download = await downloads.FetchAsync(photo.File, cancellationToken);
            if (download.Issue is { } issue)
            {
                issues.Add(new PhotoIssue(photo.Number, issue));
                continue;
            }

            var inspection = PhotoCheck.Inspect(download.Bytes.Span);
            if (inspection.Outcome != ProbeOutcome.Readable)
            {
                issues.Add(new PhotoIssue(photo.Number, inspection.Outcome == ProbeOutcome.TooManyPixels ? PhotoIssueKind.TooManyPixels : PhotoIssueKind.Unreadable));
                continue;
            }

            readable.Add((photo, inspection.Shape));
            if (inspection.Measures is { } measures)
            {
                measured.Add((photo, measures));
            }

            if (keptBytes + download.Bytes.Length <= KeptBytes)
            {
                kept[photo.Number] = download.Bytes;
                keptBytes += download.Bytes.Length;
            }
        }

        if (readable.Count == 0)
        {
            await sender.SendReplyAsync(job.ChatId, CollageMessages.NothingUsable(request, issues), cancellationToken);
            return;
        }

        var flagged = PhotoReview.Flag(measured, settings.MinCellSide);
        var recorded = await checks.RecordAsync(request.CaseId, [.. measured.Select(m => m.Photo.File.FileUniqueId)],
            [.. flagged.Select(f => new PhotoFinding(f.Photo.File.FileUniqueId, f.Findings, f.RepeatOf?.File.FileUniqueId))], cancellationToken);
        var pending = flagged
            .Select(f => (Flag: f, Record: recorded.FirstOrDefault(r => r.FileUniqueId == f.Photo.File.FileUniqueId)))
            .Where(p => p.Record is { Pending: true })
            .Select(p => new FlaggedPhoto(p.Flag.Photo.Number, p.Flag.Findings, p.Flag.RepeatOf?.Number, p.Flag.Shape, p.Record!.Id))
            .ToList();
        if (pending.Count > 0)
        {
            LogFlagged(request.CaseId, readable.Count, pending.Count);
            foreach (var reply in CollageMessages.Findings(request, pending))
            {
                await sender.SendReplyAsync(job.ChatId, reply, cancellationToken);
            }

            return;
        }

        var plan = CollageLayout.Plan([.. readable.Select(r => r.Shape.Aspect)], CollageSpec.From(settings));
        if (plan is TooManyForCollages tooMany)
        {
            var leaveOut = tooMany.LeaveOut.Select(i => readable[i].Photo.Number).ToList();
            LogTooMany(request.CaseId, readable.Count, leaveOut.Count);
            await sender.SendReplyAsync(job.ChatId, CollageMessages.TooMany(request, settings, leaveOut, issues), cancellationToken);
            return;
        }

        var sheets = ((CollageSheets)plan).Sheets;
        long sentBytes = 0;
        var sent = 0;
        foreach (var sheet in sheets)
        {
            await sender.ShowUploadingAsync(job.ChatId, cancellationToken);
            var numbers = new List<int>();
            EncodedCollage collage;
            using (var canvas = new CollageCanvas(sheet))
            {
                foreach (var cell in sheet.Cells)
                {
                    var photo = readable[cell.Photo].Photo;
                    var encoded = kept.Remove(photo.Number, out var known) ? known : (await downloads.FetchAsync(photo.File, cancellationToken)).Bytes;
                    if (canvas.DrawPhoto(cell, encoded.Span, photo.Number))
                    {
                        numbers.Add(photo.Number);
                    }
                    else
                    {
                        issues.Add(new PhotoIssue(photo.Number, PhotoIssueKind.Unreadable));
                    }
                }

                collage = canvas.Encode(settings.MaxBytes);
            }

            if (numbers.Count == 0)
            {
                continue;
            }

            var delivered = await sender.SendDocumentAsync(job.ChatId, collage.Jpeg, CollageMessages.FileName(request, sent),
                CollageMessages.Caption(request, numbers), cancellationToken);
            if (delivered != SendOutcome.Sent)
            {
                LogStopped(request.CaseId, delivered);
                return;
            }

            sent++;
            sentBytes += collage.Jpeg.Length;
            LogSheet(request.CaseId, sent, collage.Width, collage.Height, collage.Jpeg.Length, collage.Quality);
        }

        await sender.SendReplyAsync(job.ChatId, sent == 0 ? CollageMessages.NothingUsable(request, issues) : CollageMessages.Done(request, sent, issues), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogMade(request.CaseId, request.Photos.Count, sent, sentBytes, elapsed.TotalMilliseconds);
    }

    /// <summary>Tells the user the collages could not be made now, with the buttons to try again.</summary>
    public async Task ReportFailureAsync(CollageJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await sender.SendReplyAsync(job.ChatId, CollageMessages.Failed(job.Request), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collages for case {CaseId}: {Photos} photos in {Sheets} collages, {Bytes} bytes, {Milliseconds:0} ms")]
    private partial void LogMade(long caseId, int photos, int sheets, long bytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collage {Sheet} for case {CaseId}: {Width}×{Height}, {Bytes} bytes at JPEG quality {Quality}")]
    private partial void LogSheet(long caseId, int sheet, int width, int height, int bytes, int quality);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collages for case {CaseId}: the check flagged {Flagged} of {Photos} photos; the buyer is asked first")]
    private partial void LogFlagged(long caseId, int photos, int flagged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collages for case {CaseId}: {Photos} photos do not fit readably; suggested leaving out {LeaveOut}")]
    private partial void LogTooMany(long caseId, int photos, int leaveOut);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collages for case {CaseId} stopped: the document could not be sent ({Outcome})")]
    private partial void LogStopped(long caseId, SendOutcome outcome);
}
