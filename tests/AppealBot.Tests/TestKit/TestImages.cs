using System.Buffers.Binary;
using SkiaSharp;

namespace AppealBot.Tests.TestKit;

/// <summary>
/// A test picture: a background of one colour with a square patch of another, both unique among the test's pictures,
/// so each can be found again in a collage by colour. <see cref="PatchCentre"/> is where the patch sits as a fraction
/// of the picture (as seen, upright).
/// </summary>
internal sealed record TestImage(int Width, int Height, SKColor Background, SKColor Patch, (double X, double Y) PatchCentre)
{
    public double Aspect => (double)Width / Height;

    /// <summary>The patch's side: a third of the picture's shorter side.</summary>
    public int PatchSide => Math.Max(2, Math.Min(Width, Height) / 3);
}

/// <summary>Pictures made in code for the collage tests, with the EXIF orientation written in by hand where needed.</summary>
internal static class TestImages
{
    /// <summary>
    /// Colours whose channels are 0, 85, 170 or 255, far from one another, from greys (white gutters, black digits)
    /// and from the labels' amber, so a JPEG's small errors never turn one into another.
    /// </summary>
    public static readonly IReadOnlyList<SKColor> Palette = BuildPalette();

    public static SKColor Colour(int index) => Palette[index % Palette.Count];

    public static TestImage Picture(int width, int height, int colourPair, (double X, double Y)? patchCentre = null) =>
        new(width, height, Colour(2 * colourPair), Colour((2 * colourPair) + 1), patchCentre ?? (0.5, 0.5));

    /// <summary>
    /// A picture to be enlarged a lot: the blur between its background and patch is wide, so the patch differs from
    /// the background by one level in one channel, and the blur passes through no other palette colour.
    /// </summary>
    public static TestImage Tiny(int width, int height, int colourPair)
    {
        var background = Colour(2 * colourPair);
        // Not one of the first eight pairs, which a test's other pictures use.
        var used = Palette.Take(16).ToHashSet();
        var patch = Palette.First(c => !used.Contains(c) && new[]
        {
            Math.Abs(c.Red - background.Red), Math.Abs(c.Green - background.Green), Math.Abs(c.Blue - background.Blue),
        }.Order().SequenceEqual([0, 0, 85]));
        return new TestImage(width, height, background, patch, (0.5, 0.5));
    }

    public static byte[] Jpeg(TestImage image, int quality = 92, double noisyBand = 0) =>
        Encode(Draw(image, noisyBand), SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Png(TestImage image) => Encode(Draw(image), SKEncodedImageFormat.Png, 100);

    public static byte[] Webp(TestImage image) => Encode(Draw(image), SKEncodedImageFormat.Webp, 95);

    /// <summary>
    /// A PNG whose background is green at a third opacity and whose patch is opaque. Drawn over white paper the
    /// background comes out (170, 255, 170); drawn over black it would be (0, 85, 0).
    /// </summary>
    public static byte[] TranslucentPng(TestImage image)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var background = new SKPaint { Color = new SKColor(0, 255, 0, 85), BlendMode = SKBlendMode.Src };
            canvas.DrawRect(0, 0, image.Width, image.Height, background);
            DrawPatch(canvas, image);
        }

        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>What <see cref="TranslucentPng"/>'s background looks like on white.</summary>
    public static readonly SKColor TranslucentOnWhite = new(170, 255, 170);

    /// <summary>
    /// A JPEG of <paramref name="seen"/> stored turned for EXIF orientation 6 (the camera was held upright, the sensor
    /// wrote a landscape picture): the stored picture is <paramref name="seen"/> turned 90° anticlockwise, and a viewer
    /// must turn it 90° clockwise.
    /// </summary>
    public static byte[] RotatedJpeg(TestImage seen)
    {
        using var upright = Draw(seen);
        using var stored = new SKBitmap(new SKImageInfo(seen.Height, seen.Width, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(stored))
        {
            // Seen (x, y) comes from stored (y, W - 1 - x): turning the seen picture anticlockwise.
            canvas.Translate(0, seen.Width);
            canvas.RotateDegrees(-90);
            canvas.DrawBitmap(upright, 0, 0);
        }

        return WithExifOrientation(Encode(stored, SKEncodedImageFormat.Jpeg, 92), 6);
    }

    /// <summary>
    /// Adds an APP1 "Exif" segment right after the JPEG's SOI marker, holding one IFD0 entry: Orientation (0x0112),
    /// a SHORT with the given value. Big-endian TIFF header, IFD at offset 8, no next IFD.
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("Not a JPEG: no SOI marker.", nameof(jpeg));
        }

        var tiff = new byte[8 + 2 + 12 + 4];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);       // one entry
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), 0x0112); // Orientation
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), 3);      // SHORT
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);      // one value
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), (ushort)orientation);
        // tiff[20..22] pads the value to four bytes; tiff[22..26] = 0: no next IFD.

        byte[] header = [.. "Exif"u8, 0, 0];
        var segmentLength = 2 + header.Length + tiff.Length;
        var app1 = new byte[2 + segmentLength];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)segmentLength);
        header.CopyTo(app1, 4);
        tiff.CopyTo(app1, 4 + header.Length);
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>A JPEG's first bytes followed by noise: looks like a photo by its name and type, reads as nothing.</summary>
    public static byte[] Corrupt()
    {
        var bytes = new byte[4000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0x00;
        return bytes;
    }

    /// <summary>The upright picture; <paramref name="noisyBand"/> (0–1) fills that share of the bottom with noise, which JPEG compresses badly.</summary>
    private static SKBitmap Draw(TestImage image, double noisyBand = 0)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(image.Background);
            DrawPatch(canvas, image);
        }

        if (noisyBand > 0)
        {
            var random = new Random(11);
            var pixels = bitmap.GetPixelSpan();
            var from = (int)(image.Height * (1 - noisyBand)) * bitmap.RowBytes;
            random.NextBytes(pixels[from..]);
            for (var i = from + 3; i < pixels.Length; i += 4)
            {
                pixels[i] = 255;
            }
        }

        return bitmap;
    }

    private static void DrawPatch(SKCanvas canvas, TestImage image)
    {
        using var patch = new SKPaint { Color = image.Patch, BlendMode = SKBlendMode.Src };
        var side = image.PatchSide;
        var left = (float)((image.PatchCentre.X * image.Width) - (side / 2.0));
        var top = (float)((image.PatchCentre.Y * image.Height) - (side / 2.0));
        canvas.DrawRect(left, top, side, side, patch);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality) ?? throw new InvalidOperationException($"Skia cannot encode {format} here.");
        return data.ToArray();
    }

    private static List<SKColor> BuildPalette()
    {
        byte[] levels = [0, 85, 170, 255];
        var colours = new List<SKColor>();
        foreach (var r in levels)
        {
            foreach (var g in levels)
            {
                foreach (var b in levels)
                {
                    var colour = new SKColor(r, g, b);
                    var grey = r == g && g == b;
                    var amber = r == 255 && g >= 170 && b == 0;
                    if (!grey && !amber && colour != TranslucentOnWhite)
                    {
                        colours.Add(colour);
                    }
                }
            }
        }

        // Saturated colours first: they survive JPEG's colour subsampling best.
        return [.. colours.OrderByDescending(c => Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)))];
    }
}
