using System.Numerics;
using SkiaSharp;

namespace AppealBot.Evidence;

/// <summary>What can be wrong with a photo as evidence. Stored as a number: new kinds are added at the end.</summary>
[Flags]
internal enum PhotoFindings
{
    None = 0,

    /// <summary>Out of focus or shaken: edges are soft.</summary>
    Blurred = 1,

    /// <summary>Underexposed: hardly anything in it is bright.</summary>
    Dark = 2,

    /// <summary>Overexposed or milky: no dark tones, little contrast.</summary>
    WashedOut = 4,

    /// <summary>So few pixels that it cannot fill even the smallest readable collage cell.</summary>
    TooSmall = 8,

    /// <summary>Another photo of the same thing from the same angle (found by comparing photos, not by one alone).</summary>
    Repeat = 16,
}

/// <summary>
/// What the check measured on one photo, on a small grey copy of it (<see cref="PhotoCheck.AnalysisSide"/> px on its
/// longer side), so every figure means the same for a 12-megapixel original and for a photo Telegram made smaller.
/// </summary>
/// <param name="Blur">Crete's blur effect, 0 (crisp) … 1 (nothing but soft edges); judged only where <paramref name="Contrast"/> shows there are edges to judge.</param>
/// <param name="Brightest">The level (0–255, of each pixel's brightest channel) that only 5% of the picture exceeds.</param>
/// <param name="Floor">The luminance (0–255) below which 5% of the picture lies: high means no dark tones at all.</param>
/// <param name="Contrast">The luminance spread between the darkest and the brightest 5% (0–255).</param>
/// <param name="Clipped">The share of the picture at (nearly) full white.</param>
/// <param name="Chroma">How colourful the picture is: the average spread between each pixel's strongest and weakest channel (0–255).</param>
/// <param name="Hash">A difference hash: 64 bits, each whether one cell of a 9 × 8 grid is brighter than its right neighbour.</param>
/// <param name="Colour">The picture's average colour, packed as 0xRRGGBB: look-alike structure in other colours is another photo.</param>
internal sealed record PhotoMeasures(PhotoShape Shape, double Blur, int Brightest, int Floor, int Contrast, double Clipped, double Chroma, ulong Hash, int Colour);

/// <summary>A photo read for the collage: whether it can be used, its shape, and, when it was decoded, what the check measured.</summary>
internal sealed record PhotoInspection(ProbeOutcome Outcome, PhotoShape Shape, PhotoMeasures? Measures);

/// <summary>
/// Checks a photo before it goes into a collage, on the picture itself: blur, too dark, washed out, too small, and
/// (across photos) two of the same thing from the same angle. It opens the photo once, with the same codec that reads
/// its shape, and decodes it at the smallest scale the codec offers that still covers the grey copy (1/8 for a
/// 12-megapixel JPEG), so it costs a few milliseconds and a few megabytes. The thresholds are calibrated on generated
/// photos (docs/collage-benchmark.md says how); every finding can be overruled by the buyer.
/// </summary>
internal static class PhotoCheck
{
    /// <summary>
    /// The longer side of the grey copy every measure is taken on: 480 lets a 12-megapixel JPEG decode at 1/8 (500 px,
    /// the DC coefficients only, no inverse DCT) and a 1280-px Telegram photo at 3/8, exactly this size.
    /// </summary>
    public const int AnalysisSide = 480;

    /// <summary>Softer than this is blurred: sharp photos of the calibration measure at most 0.40, slightly soft ones (σ = 0.2% of the width) at most 0.51, and those blurred by 0.3% of their width or more 0.53 and up.</summary>
    public const double BlurredAbove = 0.52;

    /// <summary>Darker than this (the brightest 5% stay under a quarter of full brightness) is too dark.</summary>
    public const int DarkBelow = 64;

    /// <summary>
    /// Washed out ("milky"): the darkest 5% lighter than this, with less contrast than <see cref="WashedOutContrast"/>
    /// and less colour than <see cref="WashedOutChroma"/> — light, flat and pale at once, as haze or overexposure leave
    /// a photo (a brightly coloured but even picture is not washed out).
    /// </summary>
    public const int WashedOutFloor = 150;

    public const int WashedOutContrast = 90;

    public const double WashedOutChroma = 48;

    /// <summary>Washed out anyway: this share of the picture is burnt to white.</summary>
    public const double WashedOutClipped = 0.35;

    /// <summary>Two photos whose hashes differ in at most this many of 64 bits, and whose colours are close, are the same view.</summary>
    public const int RepeatMaxBits = 10;

    /// <summary>The largest distance between two photos' average colours (RGB, 0–441) for them to be the same view.</summary>
    public const double RepeatMaxColourDistance = 40;

    /// <summary>
    /// A picture whose brightness hardly varies (less spread between its darkest and brightest 5%) has no edges to judge
    /// sharpness by: its blur is not judged.
    /// </summary>
    public const int MinContrastForBlur = 16;

    /// <summary>Two photos whose shapes differ more than this (as a ratio of aspect ratios) are not the same view.</summary>
    public const double RepeatMaxAspectRatio = 1.1;

    /// <summary>Below this many pixels on the grey copy's shorter side there is too little to judge sharpness.</summary>
    private const int MinAnalysisSide = 48;

    /// <summary>A step between neighbouring pixels of the grey copy smaller than this (of 255) is grain, not an edge.</summary>
    private const int NoiseStep = 8;

    /// <summary>Fewer edge steps than this share of the pixels: nothing in the picture is crisp.</summary>
    private const double MinEdgeShare = 0.001;

    /// <summary>Crete's re-blur: a box of this many pixels, across and along.</summary>
    private const int BlurBox = 9;

    private static readonly SKSamplingOptions Downscale = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    private static readonly SKSamplingOptions Nearby = new(SKFilterMode.Linear, SKMipmapMode.None);

    /// <summary>Reads the photo's shape and, when it is readable, measures it; both from one codec and one small decode.</summary>
    public static PhotoInspection Inspect(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        var outcome = PhotoDecoder.Probe(codec, out var shape);
        if (outcome != ProbeOutcome.Readable)
        {
            return new PhotoInspection(outcome, shape, null);
        }

        var (width, height) = AnalysisSize(shape);
        using var photo = PhotoDecoder.Decode(codec!, width, height);
        return new PhotoInspection(outcome, shape, photo is null ? null : Measure(photo.Image, shape));
    }

    /// <summary>What is wrong with one photo on its own, for a collage whose photos must be at least <paramref name="minCellSide"/> px.</summary>
    public static PhotoFindings Judge(PhotoMeasures measures, int minCellSide)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var findings = PhotoFindings.None;
        if (measures.Brightest < DarkBelow)
        {
            findings |= PhotoFindings.Dark;
        }
        else if ((measures.Floor >= WashedOutFloor && measures.Contrast < WashedOutContrast && measures.Chroma < WashedOutChroma)
                 || measures.Clipped >= WashedOutClipped)
        {
            findings |= PhotoFindings.WashedOut;
        }

        if (Math.Min(measures.Shape.Width, measures.Shape.Height) < minCellSide)
        {
            // Enlarged to fit a cell it looks soft anyway: "send a larger one" is the one thing to say.
            findings |= PhotoFindings.TooSmall;
        }
        else if (measures.Blur > BlurredAbove && measures.Contrast >= MinContrastForBlur && !findings.HasFlag(PhotoFindings.Dark))
        {
            // In a dark photo every edge is faint and grain is all there is: "more light" comes first, and fixes both.
            findings |= PhotoFindings.Blurred;
        }

        return findings;
    }

    /// <summary>Whether two photos show the same thing from the same angle: the same structure in the same colours.</summary>
    public static bool LookAlike(PhotoMeasures first, PhotoMeasures second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var aspects = first.Shape.Aspect / second.Shape.Aspect;
        return HashDistance(first.Hash, second.Hash) <= RepeatMaxBits
            && ColourDistance(first.Colour, second.Colour) <= RepeatMaxColourDistance
            && Math.Max(aspects, 1 / aspects) <= RepeatMaxAspectRatio;
    }

    public static int HashDistance(ulong first, ulong second) => BitOperations.PopCount(first ^ second);

    public static double ColourDistance(int first, int second)
    {
        double Channel(int colour, int shift) => (colour >> shift) & 0xFF;
        var r = Channel(first, 16) - Channel(second, 16);
        var g = Channel(first, 8) - Channel(second, 8);
        var b = Channel(first, 0) - Channel(second, 0);
        return Math.Sqrt((r * r) + (g * g) + (b * b));
    }

    /// <summary>Measures a decoded picture (any size; it is brought to the grey copy's size first).</summary>
    public static PhotoMeasures Measure(SKImage image, PhotoShape shape)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = Math.Min(1.0, (double)AnalysisSide / Math.Max(image.Width, image.Height));
        var width = Math.Max(1, (int)Math.Round(image.Width * scale));
        var height = Math.Max(1, (int)Math.Round(image.Height * scale));
        using var small = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var pixels = small.PeekPixels())
        {
            // Mipmaps only pay when shrinking by more than half (PNG decodes only at full size); codecs mostly decode close to the copy's size.
            if (!image.ScalePixels(pixels, scale < 0.5 ? Downscale : Nearby))
            {
                throw new InvalidOperationException("Skia could not scale the photo for its check.");
            }
        }

        var rgba = small.GetPixelSpan();
        var grey = new byte[width * height];
        Span<int> luma = stackalloc int[256];
        Span<int> value = stackalloc int[256];
        long sumR = 0, sumG = 0, sumB = 0, chroma = 0;
        for (var i = 0; i < grey.Length; i++)
        {
            // Premultiplied: what is transparent shows the white paper of the collage.
            var a = rgba[(4 * i) + 3];
            var r = rgba[4 * i] + 255 - a;
            var g = rgba[(4 * i) + 1] + 255 - a;
            var b = rgba[(4 * i) + 2] + 255 - a;
            var y = ((54 * r) + (183 * g) + (19 * b)) >> 8;
            grey[i] = (byte)y;
            luma[y]++;
            var max = Math.Max(r, Math.Max(g, b));
            value[max]++;
            chroma += max - Math.Min(r, Math.Min(g, b));
            sumR += r;
            sumG += g;
            sumB += b;
        }

        var count = grey.Length;
        var floor = Percentile(luma, count, 0.05);
        var top = Percentile(luma, count, 0.95);
        var clipped = 0;
        for (var level = 250; level < 256; level++)
        {
            clipped += luma[level];
        }

        var colour = (int)((sumR / count) << 16 | (sumG / count) << 8 | (sumB / count));
        var blur = Math.Min(width, height) >= MinAnalysisSide ? BlurEffect(Smoothed(grey, width, height), width, height) : 0;
        return new PhotoMeasures(shape, blur, Percentile(value, count, 0.95), floor, top - floor, (double)clipped / count,
            (double)chroma / count, DifferenceHash(grey, width, height), colour);
    }

    /// <summary>
    /// Crete et al.'s no-reference blur measure ("The blur effect", 2007): blur the picture again with a 9-pixel box
    /// and see how much of the variation between neighbouring pixels survives. A crisp picture loses most of it, a
    /// blurred one hardly any. Unlike the variance of a Laplacian it does not depend on how much detail the scene
    /// has: a plain box on a plain table is crisp if its edges are. Taken across and along; the softer direction
    /// counts, so shaking in one direction is found too. Steps smaller than <see cref="NoiseStep"/> are sensor grain,
    /// not edges, and are left out (grain is crisp in a blurred photo too); a picture with brightness in it but
    /// hardly a step above the grain anywhere is all soft edges: 1.
    /// </summary>
    public static double BlurEffect(ReadOnlySpan<byte> grey, int width, int height)
    {
        // The box-blurred picture's step between neighbours is (p[i + 4] - p[i - 5]) / 9; scaled by 9, all in integers.
        const int before = (BlurBox / 2) + 1;
        const int after = BlurBox / 2;
        long acrossAll = 0, acrossKept = 0, alongAll = 0, alongKept = 0, edges = 0;
        for (var y = 0; y < height; y++)
        {
            var row = grey.Slice(y * width, width);
            for (var x = before; x < width - after; x++)
            {
                var difference = Math.Abs(row[x] - row[x - 1]);
                if (difference >= NoiseStep)
                {
                    var blurred = Math.Abs(row[x + after] - row[x - before]);
                    acrossAll += 9 * difference;
                    acrossKept += Math.Max(0, (9 * difference) - blurred);
                    edges++;
                }
            }
        }

        for (var y = before; y < height - after; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var difference = Math.Abs(grey[(y * width) + x] - grey[((y - 1) * width) + x]);
                if (difference >= NoiseStep)
                {
                    var blurred = Math.Abs(grey[((y + after) * width) + x] - grey[((y - before) * width) + x]);
                    alongAll += 9 * difference;
                    alongKept += Math.Max(0, (9 * difference) - blurred);
                    edges++;
                }
            }
        }

        if (edges < MinEdgeShare * width * height)
        {
            return 1;
        }

        double Effect(long all, long kept) => all == 0 ? 1 : (double)(all - kept) / all;
        return Math.Max(Effect(acrossAll, acrossKept), Effect(alongAll, alongKept));
    }

    /// <summary>
    /// The grey copy through a 3 × 3 box: grain (sensor noise, JPEG's ringing) drops to a third, edges soften by a
    /// pixel alike in every photo, so the blur measure sees the lens and the hand rather than the sensor.
    /// </summary>
    public static byte[] Smoothed(ReadOnlySpan<byte> grey, int width, int height)
    {
        var smoothed = new byte[grey.Length];
        for (var y = 0; y < height; y++)
        {
            var up = Math.Max(0, y - 1) * width;
            var row = y * width;
            var down = Math.Min(height - 1, y + 1) * width;
            for (var x = 0; x < width; x++)
            {
                var left = Math.Max(0, x - 1);
                var right = Math.Min(width - 1, x + 1);
                var sum = grey[up + left] + grey[up + x] + grey[up + right]
                        + grey[row + left] + grey[row + x] + grey[row + right]
                        + grey[down + left] + grey[down + x] + grey[down + right];
                smoothed[row + x] = (byte)((sum + 4) / 9);
            }
        }

        return smoothed;
    }

    /// <summary>A 64-bit difference hash (dHash) of the grey copy: the picture averaged into 9 × 8 cells, one bit per neighbouring pair.</summary>
    public static ulong DifferenceHash(ReadOnlySpan<byte> grey, int width, int height)
    {
        Span<long> sums = stackalloc long[9 * 8];
        Span<int> counts = stackalloc int[9 * 8];
        for (var y = 0; y < height; y++)
        {
            var cellY = y * 8 / height;
            for (var x = 0; x < width; x++)
            {
                var cell = (cellY * 9) + (x * 9 / width);
                sums[cell] += grey[(y * width) + x];
                counts[cell]++;
            }
        }

        ulong hash = 0;
        for (var row = 0; row < 8; row++)
        {
            for (var column = 0; column < 8; column++)
            {
                var left = row * 9 + column;
                // Compared as averages: left / countLeft > right / countRight, without division.
                if (sums[left] * Math.Max(1, counts[left + 1]) > sums[left + 1] * Math.Max(1, counts[left]))
                {
                    hash |= 1UL << ((row * 8) + column);
                }
            }
        }

        return hash;
    }

    /// <summary>The grey copy's size for a photo of this shape (as stored or upright: the longer side is what counts).</summary>
    private static (int Width, int Height) AnalysisSize(PhotoShape shape)
    {
        var scale = Math.Min(1.0, (double)AnalysisSide / Math.Max(shape.Width, shape.Height));
        return (Math.Max(1, (int)Math.Ceiling(shape.Width * scale)), Math.Max(1, (int)Math.Ceiling(shape.Height * scale)));
    }

    private static int Percentile(ReadOnlySpan<int> histogram, int count, double share)
    {
        var target = share * count;
        var seen = 0;
        for (var level = 0; level < histogram.Length; level++)
        {
            seen += histogram[level];
            if (seen >= target)
            {
                return level;
            }
        }

        return histogram.Length - 1;
    }
}
