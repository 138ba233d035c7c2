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
            or CaseActions.KeepPhoto or CaseActions.DropPhoto or CaseActions.RetakePhoto
            or CaseActions.PhotoShows or CaseActions.TickShows or CaseActions.ShowsDone;

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
        void Answer(string text, bool withPhotos = false)
        {
            var (html, buttons) = PhotosAnswer(ctx, @case, text, withPhotos);
            turn.Send(html, buttons, album);
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
        Answer(t.Plural("collage.received", added.Number, ("order", @case.OrderNumber)) + guide, withPhotos: true);
    }

    /// <summary>
    /// The answer to arriving photos: the collage panel ("What's in the photos?" too once there are photos), and at an
    /// evidence step the step itself with its buttons under the note, so that one message stays the last with buttons.
    /// </summary>
    private static (string Html, Buttons Buttons) PhotosAnswer(ConversationContext ctx, Case @case, string text, bool withPhotos)
    {
        var t = ctx.Texts;
        var panel = CollageMessages.Panel(t, @case.Id, @case.Step);
        IReadOnlyList<IReadOnlyList<Button>> rows = withPhotos
            ? [.. panel.Rows, [new Button(t["button.photo_shows"], ButtonData.ForCase(@case, CaseActions.PhotoShows, 0))]]
            : panel.Rows;
        return IsEvidenceStep(@case.Step) && CaseView.Brief(@case, ctx, text) is { } withStep
            ? (withStep.Html, new Buttons([.. rows, .. withStep.Buttons?.Rows ?? []]))
            : (text, new Buttons(rows));
    }

    /// <summary>
    /// "What does photo 2 of 4 show?": the case's own choices as ticks, arrows to the other photos, and Done back to the
    /// photos' answer — all in the pressed message, so the evidence step stays the last message with buttons. Every
    /// button names the photo by its number and a tag of its file: after photos were left out or renumbered it is stale.
    /// </summary>
    private static async Task AnswerShowsAsync(ConversationContext ctx, Turn turn, Case @case, CaseButton button, IReadOnlyList<CasePhoto> photos)
    {
        var t = ctx.Texts;
        if (photos.Count == 0)
        {
            turn.Notice(t["input.stale_button"]);
            return;
        }

        if (button.Action == CaseActions.ShowsDone)
        {
            var (html, buttons) = PhotosAnswer(ctx, @case,
                t.Plural("collage.received", photos.Count, ("order", @case.OrderNumber)) + PhotoGuide.Line(@case, t), withPhotos: true);
            turn.Replace(html, buttons);
            return;
        }

        CasePhoto? photo;
        if (button.Action == CaseActions.TickShows)
        {
            var (photoArgument, choice, on) = PhotoShowsChoices.ReadTick(button.Argument ?? 0);
            photo = PhotoShowsChoices.FindPhoto(photos, photoArgument);
            if (photo is null || choice == PhotoShows.None)
            {
                turn.Notice(t["input.stale_button"]);
                return;
            }

            var shows = on ? photo.Shows | choice : photo.Shows & ~choice;
            if (!await ctx.Cases.SetPhotoShowsAsync(@case.Id, photo.Number, photo.File.FileUniqueId, shows))
            {
                turn.Notice(t["input.stale_button"]);
                return;
            }

            photo = photo with { Shows = shows };
        }
        else
        {
            // The button on the photos' answer opens the first photo; the arrows carry the photo they go to.
            photo = button.Argument is null or 0 ? photos[0] : PhotoShowsChoices.FindPhoto(photos, button.Argument.Value);
            if (photo is null)
            {
                turn.Notice(t["input.stale_button"]);
                return;
            }
        }

        turn.Replace(ShowsQuestion(t, @case, photo, photos.Count), ShowsButtons(t, @case, photo, photos));
    }

    private static string ShowsQuestion(Localizer t, Case @case, CasePhoto photo, int count)
    {
        var question = t.Get("collage.shows.ask", ("n", photo.Number), ("count", count), ("order", @case.OrderNumber));
        return photo.Shows == PhotoShows.None
            ? question
            : question + "\n" + t.Get("collage.shows.ticked", ("n", photo.Number), ("list", PhotoShowsChoices.Describe(photo.Shows, t)));
    }

    private static Buttons ShowsButtons(Localizer t, Case @case, CasePhoto photo, IReadOnlyList<CasePhoto> photos)
    {
        var ticks = PhotoShowsChoices.For(@case, photo.Shows)
            .Select(choice =>
            {
                var on = photo.Shows.HasFlag(choice);
                return new Button(t.Get(on ? "button.evidence.ready" : "button.evidence.missing", ("item", t[$"photo.shows.{choice}"])),
                    ButtonData.ForCase(@case, CaseActions.TickShows, PhotoShowsChoices.TickArgument(photo, choice, !on)));
            })
            .Chunk(2)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        var moves = new List<Button>();
        if (photo.Number > 1)
        {
            var previous = photos[photo.Number - 2];
            moves.Add(new Button(t.Get("button.photo_previous", ("n", previous.Number)),
                ButtonData.ForCase(@case, CaseActions.PhotoShows, PhotoShowsChoices.PhotoArgument(previous))));
        }

        if (photo.Number < photos.Count)
        {
            var next = photos[photo.Number];
            moves.Add(new Button(t.Get("button.photo_next", ("n", next.Number)),
                ButtonData.ForCase(@case, CaseActions.PhotoShows, PhotoShowsChoices.PhotoArgument(next))));
        }

        if (moves.Count > 0)
        {
            ticks.Add(moves);
        }

        ticks.Add([new Button(t["button.done"], ButtonData.ForCase(@case, CaseActions.ShowsDone))]);
        return new Buttons(ticks);
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

            case CaseActions.PhotoShows or CaseActions.TickShows or CaseActions.ShowsDone:
                await AnswerShowsAsync(ctx, turn, @case, button, photos);
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
