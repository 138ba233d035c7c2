using AppealBot.Evidence;
using SkiaSharp;

namespace AppealBot.Tests.TestKit;

/// <summary>Where a colour was found on a collage: its bounding box (exclusive right and bottom) and how many pixels it covers.</summary>
internal readonly record struct ColourRegion(int Left, int Top, int Right, int Bottom, int Pixels)
{
    public int Width => Right - Left;

    public int Height => Bottom - Top;

    public double Aspect => (double)Width / Height;

    /// <summary>How much of the box the colour fills: near 1 for one solid block, low when the colour is in two places.</summary>
    public double Fill => (double)Pixels / (Width * Height);

    public (double X, double Y) Centre => ((Left + Right) / 2.0, (Top + Bottom) / 2.0);
}

/// <summary>
/// A collage decoded for checking. Every test-palette colour is located in one pass; a pixel counts only when the
/// pixels two steps away in each direction have the same colour, so the blended edges between photos and gutters
/// (and JPEG's ringing) never count as a colour. A large collage is read at a JPEG scale (1/2, 1/4) to keep tests
/// fast; every position and count is given in the collage's own pixels.
/// </summary>
internal sealed class CollageImage : IDisposable
{
    private const int Tolerance = 36;
    private const int Reach = 2;
    private const int ReadSide = 1700;

    private readonly SKBitmap _bitmap;
    private readonly int _scale;
    private readonly Dictionary<SKColor, ColourRegion> _regions;

    public CollageImage(byte[] encoded)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(encoded)) ?? throw new ArgumentException("The collage is not a readable image.", nameof(encoded));
        Width = codec.Info.Width;
        Height = codec.Info.Height;
        _scale = 1;
        while (Math.Max(Width, Height) / _scale > ReadSide && _scale < 8)
        {
            _scale *= 2;
        }

        var size = codec.GetScaledDimensions(1f / _scale);
        _bitmap = SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _regions = Locate(_bitmap, [.. TestImages.Palette, TestImages.TranslucentOnWhite]);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Where a colour is (expanded by the pixels the edge check cost), or null when it is not on this collage.</summary>
    public ColourRegion? Find(SKColor colour, int minPixels = 200) =>
        _regions.TryGetValue(colour, out var region) && region.Pixels * _scale * _scale >= minPixels
            ? new ColourRegion(Math.Max(0, (region.Left - Reach) * _scale), Math.Max(0, (region.Top - Reach) * _scale),
                Math.Min(Width, (region.Right + Reach) * _scale), Math.Min(Height, (region.Bottom + Reach) * _scale), region.Pixels * _scale * _scale)
            : null;

    public SKColor PixelAt(int x, int y) => Read(_bitmap, x / _scale, y / _scale);

    /// <summary>How many pixels in the box look like the labels' amber.</summary>
    public int LabelPixels(int left, int top, int width, int height)
    {
        var count = 0;
        for (var y = Math.Max(0, top / _scale); y < Math.Min(_bitmap.Height, (top + height) / _scale); y++)
        {
            for (var x = Math.Max(0, left / _scale); x < Math.Min(_bitmap.Width, (left + width) / _scale); x++)
            {
                if (Near(Read(_bitmap, x, y), NumberLabel.Fill))
                {
                    count++;
                }
            }
        }

        return count * _scale * _scale;
    }

    private static SKColor Read(SKBitmap bitmap, int x, int y)
    {
        var pixels = bitmap.GetPixelSpan();
        var at = (y * bitmap.RowBytes) + (x * 4);
        return new SKColor(pixels[at], pixels[at + 1], pixels[at + 2]);
    }

    public void Dispose() => _bitmap.Dispose();

    public static bool Near(SKColor a, SKColor b, int tolerance = Tolerance) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;

    private static Dictionary<SKColor, ColourRegion> Locate(SKBitmap bitmap, IReadOnlyList<SKColor> colours)
    {
        var width = bitmap.Width;
        var height = bitmap.Height;
        var index = new short[width * height];

        // Which colour each combination of levels is, as 16·r + 4·g + b with levels numbered 0–3; -1 for none.
        var lookup = new short[64];
        Array.Fill(lookup, (short)-1);
        for (short i = 0; i < colours.Count; i++)
        {
            lookup[(colours[i].Red / 85 * 16) + (colours[i].Green / 85 * 4) + (colours[i].Blue / 85)] = i;
        }

        // The level (0–3) a channel value is close to, or -1.
        var levels = new sbyte[256];
        for (var v = 0; v < 256; v++)
        {
            var level = (v + 42) / 85;
            levels[v] = (sbyte)(Math.Abs(v - (level * 85)) <= Tolerance ? level : -1);
        }

        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            var row = y * bitmap.RowBytes;
            for (var x = 0; x < width; x++)
            {
                var at = row + (x * 4);
                int r = levels[pixels[at]], g = levels[pixels[at + 1]], b = levels[pixels[at + 2]];
                index[(y * width) + x] = (r | g | b) < 0 ? (short)-1 : lookup[(r * 16) + (g * 4) + b];
            }
        }

        var boxes = new (int Left, int Top, int Right, int Bottom, int Pixels)[colours.Count];
        Array.Fill(boxes, (int.MaxValue, int.MaxValue, -1, -1, 0));
        for (var y = Reach; y < height - Reach; y++)
        {
            for (var x = Reach; x < width - Reach; x++)
            {
                var c = index[(y * width) + x];
                if (c < 0 || index[(y * width) + x - Reach] != c || index[(y * width) + x + Reach] != c
                    || index[((y - Reach) * width) + x] != c || index[((y + Reach) * width) + x] != c)
                {
                    continue;
                }

                var box = boxes[c];
                boxes[c] = (Math.Min(box.Left, x), Math.Min(box.Top, y), Math.Max(box.Right, x + 1), Math.Max(box.Bottom, y + 1), box.Pixels + 1);
            }
        }

        var regions = new Dictionary<SKColor, ColourRegion>();
        for (var i = 0; i < colours.Count; i++)
        {
            if (boxes[i].Pixels > 0)
            {
                regions[colours[i]] = new ColourRegion(boxes[i].Left, boxes[i].Top, boxes[i].Right, boxes[i].Bottom, boxes[i].Pixels);
            }
        }

        return regions;
    }

}
