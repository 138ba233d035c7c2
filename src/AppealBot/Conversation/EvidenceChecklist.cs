namespace AppealBot.Conversation;

/// <summary>
/// The evidence that proves this case's problem, as the buyer described it, in the order a buyer should gather it.
/// AliExpress's own advice (domain brief): a ruler and the size label for a wrong size, a video of it not working for
/// electronics, a claim at the post office for a damaged parcel; for a parcel marked delivered that never came, a
/// written statement from whoever was to hand it over.
/// </summary>
internal static class EvidenceChecklist
{
    public static IReadOnlyList<EvidenceItems> For(Case @case)
    {
        var f = @case.Facts;
        var items = new List<EvidenceItems>();
        switch (@case.Problem)
        {
            case ProblemKind.NotReceived:
                if (f.TrackingNumber is null && f.Tracking is not TrackingStatus.NoTrackingNumber)
                {
                    items.Add(EvidenceItems.TrackingNumber);
                }

                if (f.Tracking is not TrackingStatus.NoTrackingNumber)
                {
                    items.Add(EvidenceItems.TrackingScreenshot);
                }

                if (f.Tracking is TrackingStatus.Delivered)
                {
                    items.Add(EvidenceItems.CarrierStatement);
                }

                break;
            case ProblemKind.Damaged:
                items.AddRange([EvidenceItems.UnboxingVideo, EvidenceItems.Photos]);
                if (f.ParcelDamaged == true)
                {
                    items.AddRange([EvidenceItems.ParcelPhotos, EvidenceItems.CarrierStatement]);
                }

                items.Add(EvidenceItems.Collage);
                break;
            case ProblemKind.Defective:
                items.AddRange([EvidenceItems.NotWorkingVideo, EvidenceItems.Photos]);
                if (f.FaultStart is not FaultStart.Later)
                {
                    items.Add(EvidenceItems.UnboxingVideo);
                }

                items.AddRange([EvidenceItems.Collage, EvidenceItems.ListingScreenshots]);
                break;
            case ProblemKind.NotAsDescribed or ProblemKind.WrongItem:
                items.AddRange([EvidenceItems.UnboxingVideo, EvidenceItems.Photos]);
                if (f.Differences.HasFlag(Differences.Size))
                {
                    items.Add(EvidenceItems.MeasurementPhotos);
                }

                items.AddRange([EvidenceItems.Collage, EvidenceItems.ListingScreenshots]);
                break;
            case ProblemKind.MissingParts:
                items.AddRange([EvidenceItems.UnboxingVideo, EvidenceItems.Photos, EvidenceItems.Collage, EvidenceItems.ListingScreenshots]);
                break;
            default:
                items.AddRange([EvidenceItems.Photos, EvidenceItems.Collage, EvidenceItems.ListingScreenshots]);
                break;
        }

        items.Add(EvidenceItems.SellerChat);
        return items;
    }

    public static IEnumerable<EvidenceItems> Missing(Case @case) =>
        For(@case).Where(item => !@case.EvidenceReady.HasFlag(item));

    /// <summary>What the buyer ticked, of what fits the case as it is now.</summary>
    public static IReadOnlyList<EvidenceItems> Ready(Case @case) =>
        [.. For(@case).Where(item => @case.EvidenceReady.HasFlag(item))];

    /// <summary>What was ticked since the latest complaint was filed.</summary>
    public static IReadOnlyList<EvidenceItems> AddedSinceFiling(Case @case) =>
        [.. Ready(@case).Where(item => !@case.EvidenceFiled.HasFlag(item))];

    /// <summary>Whether the case has anything a complaint can stand on: ticked evidence, or a tracking number for a lost parcel.</summary>
    public static bool HasAny(Case @case) =>
        Ready(@case).Count > 0 || (@case.Problem == ProblemKind.NotReceived && @case.Facts.TrackingNumber is not null);

    /// <summary>
    /// The text key variant of an item for this case ("evidence.how.CarrierStatement" → ".NotReceived"), so that the
    /// same item is explained as it applies: a statement that the parcel was not handed over, or a damage report.
    /// </summary>
    public static string Variant(Case @case, EvidenceItems item) => (item, @case.Problem) switch
    {
        (EvidenceItems.CarrierStatement, ProblemKind.NotReceived) => ".NotReceived",
        (EvidenceItems.CarrierStatement, _) => ".Damaged",
        (EvidenceItems.ListingScreenshots, _) when @case.Facts.Differences.HasFlag(Differences.Size) => ".Size",
        (EvidenceItems.ListingScreenshots, ProblemKind.MissingParts) => ".MissingParts",
        (EvidenceItems.Photos, ProblemKind.MissingParts) => ".MissingParts",
        (EvidenceItems.Photos, ProblemKind.Counterfeit) => ".Counterfeit",
        (EvidenceItems.Photos, ProblemKind.WrongItem or ProblemKind.NotAsDescribed) => ".Mismatch",
        _ => "",
    };
}
