using System.Numerics;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>What a photo shows, as the buyer ticked it (the bot cannot see inside a photo). Stored in case_photos.shows.</summary>
[Flags]
internal enum PhotoShows
{
    None = 0,
    WholeItem = 1,
    Damage = 2,
    Defect = 4,
    SizeLabel = 8,
    Ruler = 16,
    ParcelLabel = 32,
    Packaging = 64,
    TrackingScreenshot = 128,
    ListingScreenshot = 256,
}

/// <summary>
/// The choices offered for "what does this photo show?", taken from what the case's problem needs as evidence (its
/// checklist): a size label and a ruler only for a wrong size, the packaging for a damaged parcel, and so on.
/// </summary>
internal static class PhotoShowsChoices
{
    public static IReadOnlyList<PhotoShows> For(Case @case, PhotoShows alreadyTicked = PhotoShows.None)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var f = @case.Facts;
        List<PhotoShows> choices = @case.Problem switch
        {
            ProblemKind.NotReceived => [PhotoShows.TrackingScreenshot, PhotoShows.ParcelLabel],
            ProblemKind.Damaged => f.ParcelDamaged == true
                ? [PhotoShows.Damage, PhotoShows.WholeItem, PhotoShows.Packaging, PhotoShows.ParcelLabel]
                : [PhotoShows.Damage, PhotoShows.WholeItem, PhotoShows.ParcelLabel, PhotoShows.Packaging],
            ProblemKind.Defective => [PhotoShows.Defect, PhotoShows.WholeItem, PhotoShows.ParcelLabel, PhotoShows.ListingScreenshot],
            ProblemKind.NotAsDescribed or ProblemKind.WrongItem => f.Differences.HasFlag(Differences.Size)
                ? [PhotoShows.SizeLabel, PhotoShows.Ruler, PhotoShows.WholeItem, PhotoShows.ParcelLabel, PhotoShows.ListingScreenshot]
                : [PhotoShows.WholeItem, PhotoShows.ParcelLabel, PhotoShows.ListingScreenshot],
            ProblemKind.MissingParts => [PhotoShows.WholeItem, PhotoShows.Packaging, PhotoShows.ParcelLabel, PhotoShows.ListingScreenshot],
            _ => [PhotoShows.WholeItem, PhotoShows.Defect, PhotoShows.Damage, PhotoShows.ParcelLabel, PhotoShows.ListingScreenshot],
        };

        // A tick given before the case's facts changed stays visible, so it can be taken back.
        choices.AddRange(Each(alreadyTicked).Where(s => !choices.Contains(s)));
        return choices;
    }

    public static IEnumerable<PhotoShows> Each(PhotoShows shows) =>
        Enum.GetValues<PhotoShows>().Where(s => s != PhotoShows.None && shows.HasFlag(s));

    /// <summary>"size label, ruler": the ticks in a sentence, lower case, in the enum's order; "" for none.</summary>
    public static string Describe(PhotoShows shows, Localizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return string.Join(", ", Each(shows).Select(s => t[$"photo.shows.{s}"]).Select(label => char.ToLower(label[0], t.Culture) + label[1..]));
    }

    /// <summary>
    /// A short, stable tag of a photo's file (16 bits of its FNV-1a hash) that a button carries with the photo's number:
    /// a press after the photos were renumbered finds another file under that number and is refused as stale.
    /// </summary>
    public static int Tag(string fileUniqueId)
    {
        ArgumentNullException.ThrowIfNull(fileUniqueId);
        var hash = 2166136261u;
        foreach (var c in fileUniqueId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)((hash ^ (hash >> 16)) & 0xFFFF);
    }

    /// <summary>A photo (number 1–31 and its tag) as one button argument.</summary>
    public static int PhotoArgument(CasePhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return (Tag(photo.File.FileUniqueId) << 5) | (photo.Number - 1);
    }

    /// <summary>A tick button's argument: the photo, which choice (its bit), and the state it sets, so a second press changes nothing.</summary>
    public static int TickArgument(CasePhoto photo, PhotoShows choice, bool on) =>
        (((PhotoArgument(photo) << 4) | BitOf(choice)) << 1) | (on ? 1 : 0);

    public static CasePhoto? FindPhoto(IReadOnlyList<CasePhoto> photos, int photoArgument)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var number = (photoArgument & 31) + 1;
        var tag = photoArgument >> 5;
        return photos.FirstOrDefault(p => p.Number == number && Tag(p.File.FileUniqueId) == tag);
    }

    public static (int PhotoArgument, PhotoShows Choice, bool On) ReadTick(int argument)
    {
        var bit = (argument >> 1) & 15;
        return (argument >> 5, bit < 9 ? (PhotoShows)(1 << bit) : PhotoShows.None, (argument & 1) == 1);
    }

    private static int BitOf(PhotoShows choice) => BitOperations.TrailingZeroCount((int)choice);
}
