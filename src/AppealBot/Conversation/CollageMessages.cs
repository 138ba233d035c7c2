using AppealBot.Evidence;
using AppealBot.Localization;

namespace AppealBot.Conversation;

internal enum PhotoIssueKind
{
    /// <summary>Not a picture that can be read: corrupt, or not an image at all.</summary>
    Unreadable,

    /// <summary>Larger than bots may download from Telegram.</summary>
    TooBig,

    /// <summary>Readable, but with more pixels than the bot decodes at once.</summary>
    TooManyPixels,
}

/// <summary>A photo that was left out of the collages, and why.</summary>
internal readonly record struct PhotoIssue(int Number, PhotoIssueKind Kind);

/// <summary>What the user reads while and after collages are made: captions, the summary, and what went wrong.</summary>
internal static class CollageMessages
{
    /// <summary>"Make collages" and "Clear photos" for a case.</summary>
    public static Buttons Panel(Localizer t, long caseId, CaseStep step) => Buttons.Row(
        new Button(t["button.make_collages"], ButtonData.ForCase(caseId, step, CaseActions.MakeCollages)),
        new Button(t["button.clear_photos"], ButtonData.ForCase(caseId, step, CaseActions.ClearPhotos)));

    /// <summary>One line under a collage: which photos it holds ("Photos 1–4").</summary>
    public static string Caption(CollageRequest request, IReadOnlyCollection<int> numbers) =>
        Texts(request).Plural("collage.caption", numbers.Count, ("list", PhotoNumbers.Format(numbers)));

    /// <summary>"order-8123456789012345-collage-2.jpg": easy to find again when attaching it to the form.</summary>
    public static string FileName(CollageRequest request, int index) => request.OrderNumber is { } order
        ? $"order-{order}-collage-{index + 1}.jpg"
        : $"collage-{index + 1}.jpg";

    public static Reply Done(CollageRequest request, int collages, IReadOnlyList<PhotoIssue> issues)
    {
        var t = Texts(request);
        // Collages come as files, to keep every detail; the AliExpress app attaches only pictures from the gallery.
        return Message(t.Plural("collage.done", collages, ("order", request.OrderNumber)) + "\n" + t["collage.on_phone"] + Issues(t, issues), null);
    }

    /// <summary>Some photos would come out too small: which ones to leave out, with a button that does it.</summary>
    public static Reply TooMany(CollageRequest request, CollageOptions options, IReadOnlyList<int> leaveOut, IReadOnlyList<PhotoIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(options);
        var t = Texts(request);
        var list = PhotoNumbers.Format(leaveOut);
        var text = t.Plural("collage.too_many", options.MaxAttachments, ("min", options.MinCellSide), ("list", list)) + Issues(t, issues);
        var buttons = new Buttons(
        [
            [new Button(t.Get("button.leave_out", ("list", list)), ButtonData.ForCase(request.CaseId, request.Step, CaseActions.LeaveOut, PhotoNumbers.ToMask(leaveOut)))],
            [new Button(t["button.clear_photos"], ButtonData.ForCase(request.CaseId, request.Step, CaseActions.ClearPhotos))],
        ]);
        return Message(text, buttons);
    }

    public static Reply NothingUsable(CollageRequest request, IReadOnlyList<PhotoIssue> issues)
    {
        var t = Texts(request);
        return Message(t["collage.nothing_usable"] + Issues(t, issues), Buttons.Row(
            new Button(t["button.clear_photos"], ButtonData.ForCase(request.CaseId, request.Step, CaseActions.ClearPhotos))));
    }

    /// <summary>Telegram could not hand over the photos (or something else broke): try again later.</summary>
    public static Reply Failed(CollageRequest request)
    {
        var t = Texts(request);
        return Message(t["collage.failed"], Panel(t, request.CaseId, request.Step));
    }

    /// <summary>
    /// The photo check's findings, before any collage: a header, then one message per photo, each naming it by its
    /// number, saying what is wrong and what to do, with keep it anyway / leave it out / I'll send a better one.
    /// </summary>
    public static IReadOnlyList<Reply> Findings(CollageRequest request, IReadOnlyList<FlaggedPhoto> flagged)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        var t = Texts(request);
        var replies = new List<Reply> { Message(t.Plural("collage.check.header", flagged.Count, ("order", request.OrderNumber)), null) };
        foreach (var photo in flagged)
        {
            replies.Add(Message(Finding(t, photo), new Buttons(
            [
                [
                    new Button(t["button.photo_keep"], ButtonData.ForCase(request.CaseId, request.Step, CaseActions.KeepPhoto, checked((int)photo.CheckId))),
                    new Button(t["button.photo_drop"], ButtonData.ForCase(request.CaseId, request.Step, CaseActions.DropPhoto, checked((int)photo.CheckId))),
                ],
                [new Button(t["button.photo_retake"], ButtonData.ForCase(request.CaseId, request.Step, CaseActions.RetakePhoto, checked((int)photo.CheckId)))],
            ])));
        }

        return replies;
    }

    /// <summary>Every finding on one photo, a sentence each, in the order a buyer would fix them.</summary>
    public static string Finding(Localizer t, FlaggedPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(photo);
        var sentences = Enum.GetValues<PhotoFindings>()
            .Where(kind => kind != PhotoFindings.None && photo.Findings.HasFlag(kind))
            .Select(kind => t.Get($"collage.check.{kind}", ("n", photo.Number), ("like", photo.RepeatOf),
                ("width", photo.Shape.Width), ("height", photo.Shape.Height)));
        return string.Join("\n", sentences);
    }

    public static Reply Busy(CollageRequest request) => Message(Texts(request)["collage.busy"], null);

    private static string Issues(Localizer t, IReadOnlyList<PhotoIssue> issues)
    {
        var lines = issues
            .GroupBy(issue => issue.Kind)
            .OrderBy(group => group.Key)
            .Select(group => t.Plural($"collage.issue.{group.Key}", group.Count(),
                ("list", PhotoNumbers.Format(group.Select(issue => issue.Number))),
                ("limit", CollageOptions.MaxDownloadBytes / (1024 * 1024))));
        var text = string.Join("\n", lines);
        return text.Length == 0 ? "" : "\n\n" + text;
    }

    private static Localizer Texts(CollageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Localizer.For(request.Language);
    }

    private static Reply Message(string html, Buttons? buttons) => new(html, buttons, ReplacesPressedMessage: false);
}
