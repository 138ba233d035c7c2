using AppealBot.Evidence;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>
/// The collage maker: photos sent at a case's evidence step, or after /collage, are kept (as Telegram file ids)
/// with the case and numbered in sending order; "Make collages" asks the transport to draw them.
/// </summary>
internal static class CollageDialogue
{
    public static bool Handles(string action) =>
        action is CaseActions.OpenCollage or CaseActions.MakeCollages or CaseActions.ClearPhotos or CaseActions.LeaveOut
            or CaseActions.KeepPhoto or CaseActions.DropPhoto or CaseActions.RetakePhoto;

    /// <summary>/collage: opens the collage maker for the case the user is working on.</summary>
    public static async Task OpenAsync(ConversationContext ctx, Turn turn)
    {
        var @case = await ctx.ActiveCaseAsync();
        if (@case is null)
        {
            turn.Send(ctx.Texts["collage.no_case"], await Dialogue.MenuButtonsAsync(ctx));
            return;
        }

        if (@case.OrderNumber is null)
        {
            turn.Send(ctx.Texts["collage.order_first"]);
            return;
        }

        ctx.User.CollageCaseId = @case.Id;
        var photos = await ctx.Cases.PhotosAsync(@case.Id);
        turn.Send(Intro(ctx, @case, photos.Count), photos.Count > 0 ? CollageMessages.Panel(ctx.Texts, @case.Id, @case.Step) : null);
    }

    public static async Task ReceiveAsync(ConversationContext ctx, Turn turn, PhotoInput photo)
    {
        var t = ctx.Texts;
        var @case = await ctx.ActiveCaseAsync();
        if (@case is null)
        {
            turn.Send(t["collage.no_case"], await Dialogue.MenuButtonsAsync(ctx));
            return;
        }

        if (@case.OrderNumber is null)
        {
            turn.Send(t["collage.order_first"]);
            return;
        }

        if (!IsCollecting(ctx, @case))
        {
            turn.Send(t.Get("collage.offer", ("order", @case.OrderNumber)),
                Buttons.Row(new Button(t["button.collage_open"], ButtonData.ForCase(@case, CaseActions.OpenCollage))));
            return;
        }

        // Every answer to one album's photos updates one message instead of piling up; at an evidence step, so does
        // every answer to photos sent one by one, and that message carries the step's buttons, so it stays the last.
        var atStep = IsEvidenceStep(@case.Step);
        var album = atStep ? $"photos:{@case.Id}" : photo.AlbumId is { } id ? $"album:{id}" : null;
        void Answer(string text)
        {
            var panel = CollageMessages.Panel(t, @case.Id, @case.Step);
            if (atStep && CaseView.Brief(@case, ctx, text) is { } withStep)
            {
                turn.Send(withStep.Html, new Buttons([.. panel.Rows, .. withStep.Buttons?.Rows ?? []]), album);
            }
            else
            {
                turn.Send(text, panel, album);
            }
        }

        if (Refusal(ctx, photo) is { } refusal)
        {
            Answer(refusal);
            return;
        }

        var photos = await ctx.Cases.PhotosAsync(@case.Id);
        if (photos.FirstOrDefault(p => p.File.FileUniqueId == photo.FileUniqueId) is { } known)
        {
            Answer(t.Get("collage.duplicate", ("n", known.Number)));
            return;
        }

        if (photos.Count >= ctx.Collages.MaxPhotos)
        {
            Answer(t.Get("collage.limit", ("max", ctx.Collages.MaxPhotos)));
            return;
        }

        var file = new PhotoFile(photo.FileId, photo.FileUniqueId, photo.AsDocument ? PhotoKind.Document : PhotoKind.Photo, photo.FileSize, photo.MimeType);
        var added = await ctx.Cases.AddPhotoAsync(@case.Id, file, ctx.Now);
        // What this case's checklist still lacks: in the one answer at an evidence step, else when photos start arriving.
        var guide = atStep || added.Number == 1 ? PhotoGuide.Line(@case, t) : "";
        Answer(t.Plural("collage.received", added.Number, ("order", @case.OrderNumber)) + guide);
    }

    private static bool IsEvidenceStep(CaseStep step) => step is CaseStep.Evidence or CaseStep.RefileEvidence or CaseStep.EditEvidence;

    /// <summary>Something other than a picture (a sticker, a voice message, a PDF…).</summary>
    /// <summary>Something that is not a photo: while photos are being collected, say so; otherwise what the bot can do with it.</summary>
    public static async Task NotAPhotoAsync(ConversationContext ctx, Turn turn, string? kind = null)
    {
        if (kind == "Video")
        {
            turn.Send(VideoAdvice(ctx, await ctx.ActiveCaseAsync()));
            return;
        }

        var collecting = await ctx.ActiveCaseAsync() is { OrderNumber: not null } @case && IsCollecting(ctx, @case);
        var otherwise = kind is not null && ctx.Texts.Has($"input.unsupported.{kind}") ? $"input.unsupported.{kind}" : "input.unsupported";
        turn.Send(ctx.Texts[collecting ? "collage.not_a_photo" : otherwise]);
    }

    public static async Task PressAsync(ConversationContext ctx, Turn turn, Case @case, CaseButton button)
    {
        var t = ctx.Texts;
        if (@case.IsClosed)
        {
            turn.Notice(t["input.stale_button"]);
            return;
        }

        ctx.User.ActiveCaseId = @case.Id;
        var photos = await ctx.Cases.PhotosAsync(@case.Id);
        switch (button.Action)
        {
            case CaseActions.OpenCollage:
                ctx.User.CollageCaseId = @case.Id;
                turn.Replace(Intro(ctx, @case, photos.Count), photos.Count > 0 ? CollageMessages.Panel(t, @case.Id, @case.Step) : null);
                break;

            case CaseActions.MakeCollages when photos.Count == 0:
                turn.Notice(t["collage.none"]);
                break;

            case CaseActions.MakeCollages:
                turn.Replace(t["collage.working"])
                    .MakeCollages(new CollageRequest(@case.Id, @case.Step, @case.OrderNumber, ctx.User.Language, photos));
                break;

            case CaseActions.KeepPhoto or CaseActions.DropPhoto or CaseActions.RetakePhoto:
                await AnswerFindingAsync(ctx, turn, @case, button, photos);
                break;

            case CaseActions.ClearPhotos:
                await ctx.Cases.ClearPhotosAsync(@case.Id);
                turn.Replace(t.Get("collage.cleared", ("order", @case.OrderNumber)));
                break;

            case CaseActions.LeaveOut:
                var leaveOut = PhotoNumbers.FromMask(button.Argument ?? 0).Intersect(photos.Select(p => p.Number)).ToList();
                if (leaveOut.Count == 0)
                {
                    turn.Notice(t["input.stale_button"]);
                    break;
                }

                await ctx.Cases.RemovePhotosAsync(@case.Id, leaveOut);
                turn.Replace(t.Plural("collage.left_out", photos.Count - leaveOut.Count, ("list", PhotoNumbers.Format(leaveOut))),
                    CollageMessages.Panel(t, @case.Id, @case.Step));
                break;
        }
    }

    /// <summary>
    /// The buyer's answer to a finding of the photo check (the button carries the check's id, so it acts on the same
    /// photo although numbers changed meanwhile; answered once, it is stale). When it was the last open finding and the
    /// buyer is not about to send a better photo, the collages are made at once.
    /// </summary>
    private static async Task AnswerFindingAsync(ConversationContext ctx, Turn turn, Case @case, CaseButton button, IReadOnlyList<CasePhoto> photos)
    {
        var t = ctx.Texts;
        var checks = await ctx.Cases.PhotoChecksAsync(@case.Id);
        var check = checks.FirstOrDefault(c => c.Id == button.Argument && c.Pending);
        var photo = check is null ? null : photos.FirstOrDefault(p => p.File.FileUniqueId == check.FileUniqueId);
        if (check is null || photo is null)
        {
            turn.Notice(t["input.stale_button"]);
            return;
        }

        if (button.Action == CaseActions.KeepPhoto)
        {
            await ctx.Cases.KeepPhotoAsync(@case.Id, check.Id);
            turn.Replace(t.Get("collage.check.kept", ("n", photo.Number)));
        }
        else
        {
            // The photo goes, and its finding with it.
            await ctx.Cases.RemovePhotosAsync(@case.Id, [photo.Number]);
            turn.Replace(t.Get(button.Action == CaseActions.DropPhoto ? "collage.check.dropped" : "collage.check.retake", ("n", photo.Number)),
                button.Action == CaseActions.RetakePhoto ? CollageMessages.Panel(t, @case.Id, @case.Step) : null);
        }

        var remaining = await ctx.Cases.PhotosAsync(@case.Id);
        var open = (await ctx.Cases.PhotoChecksAsync(@case.Id)).Count(c => c.Pending && remaining.Any(p => p.File.FileUniqueId == c.FileUniqueId));
        if (open == 0 && button.Action != CaseActions.RetakePhoto && remaining.Count > 0)
        {
            turn.Send(t["collage.working"])
                .MakeCollages(new CollageRequest(@case.Id, @case.Step, @case.OrderNumber, ctx.User.Language, remaining));
        }
    }

    /// <summary>Photos are taken at an evidence checklist, and at any step once the user opened the collage maker for this case.</summary>
    private static bool IsCollecting(ConversationContext ctx, Case @case) =>
        IsEvidenceStep(@case.Step) || ctx.User.CollageCaseId == @case.Id;

    /// <summary>Why this picture cannot be used, or null: a format the bot cannot read, or a file bots may not download.</summary>
    private static string? Refusal(ConversationContext ctx, PhotoInput photo)
    {
        var t = ctx.Texts;
        if (photo.AsDocument)
        {
            var format = PhotoFormats.Identify(photo.MimeType, photo.FileName);
            if (!PhotoFormats.CanRead(format))
            {
                return PhotoFormats.Name(format, photo.MimeType, photo.FileName) is { } name
                    ? t.Get("collage.unsupported_format", ("format", name))
                    : t["collage.not_a_photo"];
            }
        }

        return photo.FileSize > CollageOptions.MaxDownloadBytes
            ? t.Get("collage.too_big", ("size", Math.Round(photo.FileSize.Value / (1024m * 1024m), 1)), ("limit", CollageOptions.MaxDownloadBytes / (1024 * 1024)))
            : null;
    }

    /// <summary>
    /// A video cannot go into a collage, but it is the strongest evidence for most problems: what makes it convincing
    /// for this case's problem, and how to keep it under the form's size limit.
    /// </summary>
    private static string VideoAdvice(ConversationContext ctx, Case? @case)
    {
        var t = ctx.Texts;
        if (@case?.Problem == ProblemKind.NotReceived)
        {
            return t["video.advice.NotReceived"];
        }

        var specific = @case?.Problem is { } problem ? $"video.specific.{problem}" : "video.specific.Any";
        return t.Get("video.advice", ("specific", t[t.Has(specific) ? specific : "video.specific.Any"]), ("limit", ctx.Collages.MaxVideoMegabytes / 1024.0));
    }

    private static string Intro(ConversationContext ctx, Case @case, int count) => ctx.Texts.Get("collage.intro",
        ("order", @case.OrderNumber), ("max", ctx.Collages.MaxPhotos), ("sheets", ctx.Collages.MaxAttachments), ("count", count));
}
