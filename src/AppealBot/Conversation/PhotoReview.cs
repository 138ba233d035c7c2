using AppealBot.Evidence;

namespace AppealBot.Conversation;

/// <summary>What the check found on one photo of a set: its own faults, and the earlier photo it repeats.</summary>
internal sealed record PhotoFlag(CasePhoto Photo, PhotoFindings Findings, CasePhoto? RepeatOf, PhotoShape Shape);

/// <summary>A finding the buyer has not answered yet, as they are shown it: by the photo's number, with the check's id for the buttons.</summary>
internal sealed record FlaggedPhoto(int Number, PhotoFindings Findings, int? RepeatOf, PhotoShape Shape, long CheckId);

/// <summary>Judges a case's photos together: each on its own (<see cref="PhotoCheck.Judge"/>), then each against the ones sent before it.</summary>
internal static class PhotoReview
{
    public static IReadOnlyList<PhotoFlag> Flag(IReadOnlyList<(CasePhoto Photo, PhotoMeasures Measures)> photos, int minCellSide)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var flags = new List<PhotoFlag>();
        for (var i = 0; i < photos.Count; i++)
        {
            var (photo, measures) = photos[i];
            var findings = PhotoCheck.Judge(measures, minCellSide);
            CasePhoto? repeatOf = null;
            for (var earlier = 0; earlier < i && repeatOf is null; earlier++)
            {
                if (PhotoCheck.LookAlike(photos[earlier].Measures, measures))
                {
                    repeatOf = photos[earlier].Photo;
                    findings |= PhotoFindings.Repeat;
                }
            }

            if (findings != PhotoFindings.None)
            {
                flags.Add(new PhotoFlag(photo, findings, repeatOf, measures.Shape));
            }
        }

        return flags;
    }
}
