using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>
/// Evidence guidance when photos start to arrive: which pictures this case's checklist (its problem and facts) still
/// lacks. Rule-based and honest: the bot cannot see what a photo shows, so it names what the checklist misses and
/// asks the buyer to tick it there once they have it.
/// </summary>
internal static class PhotoGuide
{
    /// <summary>Checklist items that are particular pictures (the photos of the problem themselves are what is arriving).</summary>
    private static readonly EvidenceItems[] Pictures =
    [
        EvidenceItems.MeasurementPhotos, EvidenceItems.ParcelPhotos, EvidenceItems.TrackingScreenshot,
        EvidenceItems.ListingScreenshots,
    ];

    public static IReadOnlyList<EvidenceItems> Missing(Case @case) =>
        [.. EvidenceChecklist.Missing(@case).Where(item => Pictures.Contains(item))];

    /// <summary>"Still missing for this case: ruler and size label photos, listing screenshots. …", or "" when nothing is.</summary>
    public static string Line(Case @case, Localizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var missing = Missing(@case);
        if (missing.Count == 0)
        {
            return "";
        }

        // Labels are button captions; inside a sentence they start lower case.
        var list = string.Join(", ", missing.Select(i => t[$"evidence.label.{i}"]).Select(label => char.ToLower(label[0], t.Culture) + label[1..]));
        return "\n\n" + t.Get("collage.guide", ("list", new Html(list)));
    }
}
