namespace AppealBot.Evidence;

/// <summary>The room collages may take: how many sheets, how big, the smallest readable photo and the gutter between photos.</summary>
internal sealed record CollageSpec(int MaxSheets, int MaxSide, int MinCellSide, int Gutter)
{
    public static CollageSpec From(CollageOptions options) =>
        new(options.MaxAttachments, options.MaxSide, options.MinCellSide, GutterFor(options.MaxSide));

    /// <summary>Thin lines between photos: a quarter of a percent of the sheet's side, at least 4 px.</summary>
    public static int GutterFor(int maxSide) => Math.Max(4, maxSide / 400);
}

/// <summary>Where one photo goes on a sheet; <see cref="Photo"/> is its index in the list that was laid out.</summary>
internal readonly record struct CollageCell(int Photo, int X, int Y, int Width, int Height);

internal sealed record CollageSheet(int Width, int Height, IReadOnlyList<CollageCell> Cells);

internal abstract record CollagePlan;

/// <summary>Every photo fits, readable: the sheets, in order.</summary>
internal sealed record CollageSheets(IReadOnlyList<CollageSheet> Sheets) : CollagePlan;

/// <summary>Not every photo can be readable; without these (indices, ascending) the rest would be.</summary>
internal sealed record TooManyForCollages(IReadOnlyList<int> LeaveOut) : CollagePlan;

/// <summary>
/// Lays photos out on at most <see cref="CollageSpec.MaxSheets"/> sheets without cropping or stretching any.
/// Photos stay in the order they were sent: a sheet holds a run of consecutive photos in rows that span the
/// sheet, each row as tall as its photos' aspect ratios allow (a "justified" layout). So every photo keeps its
/// shape, and the numbers read left to right, top to bottom, sheet after sheet. Pure arithmetic: no pixels.
/// </summary>
internal static class CollageLayout
{
    /// <summary>A sheet holds at most this many photos while fewer sheets would do, so each photo stays large.</summary>
    public const int PhotosPerSheet = 9;

    public static CollagePlan Plan(IReadOnlyList<double> aspects, CollageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(aspects);
        ArgumentNullException.ThrowIfNull(spec);
        if (aspects.Any(a => !double.IsFinite(a) || a <= 0))
        {
            throw new ArgumentException("Aspect ratios must be positive and finite.", nameof(aspects));
        }

        var kept = Enumerable.Range(0, aspects.Count).ToList();
        var leftOut = new List<int>();

        // Photos are only ever left out, so a run of kept photos is known by its first and last photo and its length.
        var runs = new Dictionary<(int First, int Last, int Count), SheetLayout>();
        while (kept.Count > 0)
        {
            if (Arrange(kept, aspects, spec, runs) is { } sheets)
            {
                return leftOut.Count == 0 ? new CollageSheets(sheets) : new TooManyForCollages([.. leftOut.Order()]);
            }

            // Leave out the photo that needs the most room to stay readable: very wide or tall ones first, then the latest.
            var costliest = kept.OrderByDescending(i => Math.Round(RoomNeeded(aspects[i]), 1)).ThenByDescending(i => i).First();
            kept.Remove(costliest);
            leftOut.Add(costliest);
        }

        return leftOut.Count == 0 ? new CollageSheets([]) : new TooManyForCollages([.. leftOut.Order()]);
    }

    /// <summary>How much bigger than a square of the minimum side a photo must be to keep its shorter side readable.</summary>
    private static double RoomNeeded(double aspect) => Math.Max(aspect, 1 / aspect);

    /// <summary>The fewest sheets (from one per <see cref="PhotosPerSheet"/> photos) on which every photo is readable, or null.</summary>
    private static List<CollageSheet>? Arrange(
        List<int> photos, IReadOnlyList<double> aspects, CollageSpec spec, Dictionary<(int First, int Last, int Count), SheetLayout> runs)
    {
        var count = photos.Count;
        SheetLayout Run(int from, int to)
        {
            var key = (photos[from], photos[to - 1], to - from);
            if (!runs.TryGetValue(key, out var layout))
            {
                layout = LayOutSheet(photos, from, to, aspects, spec);
                runs[key] = layout;
            }

            return layout;
        }

        var fewest = Math.Max(1, Math.Min(spec.MaxSheets, (count + PhotosPerSheet - 1) / PhotosPerSheet));
        for (var sheets = fewest; sheets <= Math.Min(spec.MaxSheets, count); sheets++)
        {
            var split = BestSplit(count, sheets, Run);
            if (split.Min(s => s.Score) >= spec.MinCellSide)
            {
                return [.. split.Select(s => s.Sheet)];
            }
        }

        return null;
    }

    /// <summary>
    /// Cuts the photos into <paramref name="sheets"/> runs so that the smallest photo on any sheet is as large as
    /// possible; among equally good cuts, the one whose fullest sheet holds the fewest photos.
    /// </summary>
    private static List<SheetLayout> BestSplit(int count, int sheets, Func<int, int, SheetLayout> run)
    {
        var best = new (int Score, int Crowd, int From)?[sheets + 1, count + 1];
        best[0, 0] = (int.MaxValue, 0, -1);
        for (var k = 1; k <= sheets; k++)
        {
            for (var to = k; to <= count - (sheets - k); to++)
            {
                for (var from = k - 1; from < to; from++)
                {
                    if (best[k - 1, from] is not { } before)
                    {
                        continue;
                    }

                    var score = Math.Min(before.Score, run(from, to).Score);
                    var crowd = Math.Max(before.Crowd, to - from);
                    if (best[k, to] is not { } current || score > current.Score || (score == current.Score && crowd < current.Crowd))
                    {
                        best[k, to] = (score, crowd, from);
                    }
                }
            }
        }

        var result = new List<SheetLayout>();
        for (int k = sheets, to = count; k > 0; k--)
        {
            var from = best[k, to]!.Value.From;
            result.Add(run(from, to));
            to = from;
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// The best rows for one sheet's photos. For every row count two cuts are tried: rows of equal width in aspect
    /// ratios (alike photos make an even grid), and rows balanced by what limits readability, where a row holding a
    /// tall photo is kept short so that the row grows tall; the one whose smallest photo is largest wins.
    /// </summary>
    private static SheetLayout LayOutSheet(List<int> photos, int from, int to, IReadOnlyList<double> aspects, CollageSpec spec)
    {
        var run = photos.Skip(from).Take(to - from).ToArray();
        var m = run.Length;

        // A readable photo covers at least MinCellSide² × RoomNeeded; a run needing more than the sheet holds is not
        // laid out (such a run can never be part of a readable split, so skipping it changes no answer).
        var least = (double)spec.MinCellSide * spec.MinCellSide * run.Sum(p => RoomNeeded(aspects[p]));
        if (least > (double)spec.MaxSide * spec.MaxSide)
        {
            return SheetLayout.Impossible;
        }

        var prefix = new double[m + 1];
        for (var i = 0; i < m; i++)
        {
            prefix[i + 1] = prefix[i] + aspects[run[i]];
        }

        // narrowest[i, j]: min(1, smallest aspect ratio among photos i … j-1).
        var narrowest = new double[m + 1, m + 1];
        for (var i = 0; i < m; i++)
        {
            narrowest[i, i] = 1;
            for (var j = i + 1; j <= m; j++)
            {
                narrowest[i, j] = Math.Min(narrowest[i, j - 1], aspects[run[j - 1]]);
            }
        }

        // A row of aspect sum A at width W is W/A tall; its narrowest photo is min(1, a) times that on its short side.
        double RowWidth(int start, int end) => prefix[end] - prefix[start];
        double RowNeed(int start, int end) => RowWidth(start, end) / narrowest[start, end];

        SheetLayout? best = null;
        foreach (var rowCost in new Func<int, int, double>[] { RowWidth, RowNeed })
        {
            foreach (var rows in Cuts(m, rowCost))
            {
                var layout = Place(rows, run, aspects, spec);
                if (best is null || layout.Score > best.Score)
                {
                    best = layout;
                }
            }
        }

        return best!;
    }

    /// <summary>For every row count r from 1 to m, the cut into r consecutive rows whose costliest row costs least.</summary>
    private static IEnumerable<List<(int Start, int End)>> Cuts(int m, Func<int, int, double> rowCost)
    {
        // worst[r, j]: the least possible cost of the costliest row when the first j photos make r rows.
        var worst = new double[m + 1, m + 1];
        var cut = new int[m + 1, m + 1];
        for (var j = 1; j <= m; j++)
        {
            worst[1, j] = rowCost(0, j);
        }

        for (var r = 2; r <= m; r++)
        {
            for (var j = r; j <= m; j++)
            {
                worst[r, j] = double.MaxValue;
                for (var i = r - 1; i < j; i++)
                {
                    var candidate = Math.Max(worst[r - 1, i], rowCost(i, j));
                    if (candidate < worst[r, j])
                    {
                        worst[r, j] = candidate;
                        cut[r, j] = i;
                    }
                }
            }
        }

        for (var r = 1; r <= m; r++)
        {
            var rows = new List<(int Start, int End)>();
            for (int k = r, j = m; k > 0; k--)
            {
                var start = k == 1 ? 0 : cut[k, j];
                rows.Add((start, j));
                j = start;
            }

            rows.Reverse();
            yield return rows;
        }
    }

    /// <summary>
    /// Pixels for one sheet: rows span the sheet's width, and a row's height is its width over the sum of its
    /// photos' aspect ratios, so no photo is stretched. The sheet is as wide as the maximum side allows, or
    /// narrower so that its height fits too.
    /// </summary>
    private static SheetLayout Place(List<(int Start, int End)> rows, int[] photos, IReadOnlyList<double> aspects, CollageSpec spec)
    {
        var gutter = spec.Gutter;
        double inverseSum = 0, gutterSum = 0;
        foreach (var (start, end) in rows)
        {
            var rowAspect = RowAspect(photos, start, end, aspects);
            inverseSum += 1 / rowAspect;
            gutterSum += (end - start + 1) / rowAspect;
        }

        // Height for a width W is W·Σ1/A − gutter·Σ(n+1)/A + (rows+1)·gutter; one pixel per row is kept for rounding.
        var rowCount = rows.Count;
        var fitting = (spec.MaxSide - rowCount - ((rowCount + 1) * gutter) + (gutter * gutterSum)) / inverseSum;
        var width = (int)Math.Floor(Math.Min(spec.MaxSide, fitting));
        if (rows.Any(row => width - ((row.End - row.Start + 1) * gutter) < row.End - row.Start))
        {
            return SheetLayout.Impossible;
        }

        var cells = new List<CollageCell>(photos.Length);
        var score = int.MaxValue;
        var y = gutter;
        foreach (var (start, end) in rows)
        {
            var count = end - start;
            var content = width - ((count + 1) * gutter);
            var rowAspect = RowAspect(photos, start, end, aspects);
            var height = Math.Max(1, (int)Math.Round(content / rowAspect));
            var filled = 0.0;
            for (var k = 0; k < count; k++)
            {
                var photo = photos[start + k];
                var left = gutter + (k * gutter) + (int)Math.Round(filled);
                filled += aspects[photo] * content / rowAspect;
                var right = k == count - 1 ? width - gutter : gutter + (k * gutter) + (int)Math.Round(filled);
                cells.Add(new CollageCell(photo, left, y, right - left, height));
                score = Math.Min(score, Math.Min(right - left, height));
            }

            y += height + gutter;
        }

        return new SheetLayout(new CollageSheet(width, y, cells), score);
    }

    private static double RowAspect(int[] photos, int start, int end, IReadOnlyList<double> aspects)
    {
        var sum = 0.0;
        for (var i = start; i < end; i++)
        {
            sum += aspects[photos[i]];
        }

        return sum;
    }

    private sealed record SheetLayout(CollageSheet Sheet, int Score)
    {
        public static readonly SheetLayout Impossible = new(new CollageSheet(0, 0, []), 0);
    }
}
