using SkiaSharp;

namespace AppealBot.Evidence;

/// <summary>A readable picture's size as it is meant to be seen (EXIF orientation applied).</summary>
internal readonly record struct PhotoShape(int Width, int Height)
{
    public double Aspect => (double)Width / Height;
}

internal enum ProbeOutcome
{
    Readable,

    /// <summary>Not a picture Skia can read: corrupt, truncated before the header ends, or another kind of file.</summary>
    Unreadable,

    /// <summary>Readable, but even its smallest decodable size has more pixels than the bot decodes at once.</summary>
    TooManyPixels,
}

/// <summary>A decoded picture as stored in the file, and how to turn it to be seen upright.</summary>
internal sealed class DecodedPhoto(SKImage image, SKEncodedOrigin origin) : IDisposable
{
    public SKImage Image { get; } = image;

    public SKEncodedOrigin Origin { get; } = origin;

    public void Dispose() => Image.Dispose();
}

/// <summary>
/// Reads photos with Skia's codecs, never at full size when a smaller one will do: JPEG decodes at 1/8 … 8/8
/// and WebP at any scale, straight to the size a collage cell needs. PNG decodes only at full size, one photo at
/// a time, and a photo whose smallest decodable size exceeds <see cref="MaxDecodedPixels"/> is refused, so a small
/// file that unpacks to a gigapixel cannot exhaust memory.
/// </summary>
internal static class PhotoDecoder
{
    /// <summary>50 megapixels, 200 MB at four bytes a pixel: larger than any phone photo, small enough to decode safely.</summary>
    public const long MaxDecodedPixels = 50_000_000;

    public static ProbeOutcome Probe(ReadOnlySpan<byte> encoded, out PhotoShape shape)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        return Probe(codec, out shape);
    }

    /// <summary>As <see cref="Probe(ReadOnlySpan{byte}, out PhotoShape)"/>, with a codec already open (null: not a picture).</summary>
    public static ProbeOutcome Probe(SKCodec? codec, out PhotoShape shape)
    {
        shape = default;
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return ProbeOutcome.Unreadable;
        }

        var smallest = codec.GetScaledDimensions(1 / 8f);
        if ((long)smallest.Width * smallest.Height > MaxDecodedPixels)
        {
            return ProbeOutcome.TooManyPixels;
        }

        shape = IsTurnedSideways(codec.EncodedOrigin)
            ? new PhotoShape(codec.Info.Height, codec.Info.Width)
            : new PhotoShape(codec.Info.Width, codec.Info.Height);
        return ProbeOutcome.Readable;
    }

    /// <summary>
    /// Decodes at the smallest size the codec offers that still covers <paramref name="width"/> × <paramref name="height"/>
    /// (as seen, upright), or null when the picture cannot be read. A truncated file decodes as far as it goes.
    /// </summary>
    public static DecodedPhoto? Decode(ReadOnlySpan<byte> encoded, int width, int height)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : Decode(codec, width, height);
    }

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, int, int)"/>, with a codec already open (the photo check shares it with the probe).</summary>
    public static DecodedPhoto? Decode(SKCodec codec, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var origin = codec.EncodedOrigin;
        var (storedWidth, storedHeight) = IsTurnedSideways(origin) ? (height, width) : (width, height);
        var size = DecodeSize(codec, storedWidth, storedHeight);
        if ((long)size.Width * size.Height > MaxDecodedPixels)
        {
            return null;
        }

        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }

        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            return null;
        }

        // Immutable, so the image takes the bitmap's pixels over instead of copying them.
        bitmap.SetImmutable();
        var image = SKImage.FromBitmap(bitmap);
        bitmap.Dispose();
        return image is null ? null : new DecodedPhoto(image, origin);
    }

    /// <summary>Maps the stored picture (<paramref name="storedWidth"/> × <paramref name="storedHeight"/>) to how it is meant to be seen.</summary>
    public static SKMatrix Upright(SKEncodedOrigin origin, int storedWidth, int storedHeight) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, storedWidth, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, storedWidth, 0, -1, storedHeight, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, storedHeight, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, storedHeight, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, storedHeight, -1, 0, storedWidth, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, storedWidth, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>EXIF orientations 5–8 store the picture turned by a quarter: width and height swap when it is shown.</summary>
    public static bool IsTurnedSideways(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    private static SKSizeI DecodeSize(SKCodec codec, int width, int height)
    {
        var full = codec.Info.Size;
        var best = full;
        var scale = Math.Min(1f, Math.Max((float)width / full.Width, (float)height / full.Height));
        float[] scales = [scale, 1 / 8f, 2 / 8f, 3 / 8f, 4 / 8f, 5 / 8f, 6 / 8f, 7 / 8f];
        foreach (var candidate in scales.Select(codec.GetScaledDimensions))
        {
            if (candidate.Width >= width && candidate.Height >= height
                && (long)candidate.Width * candidate.Height < (long)best.Width * best.Height)
            {
                best = candidate;
            }
        }

        return best;
    }
}
