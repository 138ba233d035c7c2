namespace AppealBot.Conversation;

/// <summary>The evidence that proves each kind of problem, in the order a buyer should gather it.</summary>
internal static class EvidenceChecklist
{
    public static IReadOnlyList<EvidenceItems> For(ProblemKind? problem) => problem switch
    {
        ProblemKind.NotReceived => [EvidenceItems.TrackingNumber, EvidenceItems.TrackingScreenshot, EvidenceItems.SellerChat],
        ProblemKind.Damaged => [EvidenceItems.UnboxingVideo, EvidenceItems.Photos, EvidenceItems.Collage, EvidenceItems.SellerChat],
        ProblemKind.NotAsDescribed or ProblemKind.WrongItem =>
            [EvidenceItems.UnboxingVideo, EvidenceItems.Photos, EvidenceItems.Collage, EvidenceItems.ListingScreenshots, EvidenceItems.SellerChat],
        _ => [EvidenceItems.Photos, EvidenceItems.Collage, EvidenceItems.ListingScreenshots, EvidenceItems.SellerChat],
    };

    public static IEnumerable<EvidenceItems> Missing(Case @case) =>
        For(@case.Problem).Where(item => !@case.EvidenceReady.HasFlag(item));

    public static IEnumerable<EvidenceItems> Ready(Case @case) =>
        For(@case.Problem).Where(item => @case.EvidenceReady.HasFlag(item));
}
