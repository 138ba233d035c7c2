using SkiaSharp;

namespace AppealBot.Evidence;

/// <summary>A finished collage: the JPEG file and what it came out as.</summary>
internal sealed record EncodedCollage(byte[] Jpeg, int Width, int Height, int Quality);

/// <summary>
/// One collage being drawn: a white sheet that photos are drawn onto one at a time (each decoded only as large as
/// its cell), each with its number, then encoded as a JPEG that fits the byte limit.
/// </summary>
internal sealed class CollageCanvas : IDisposable
{
    /// <summary>The JPEG qualities a collage may have, best first; below the last one the sheet is made smaller instead.</summary>
    private static readonly int[] Qualities = [90, 84, 78, 72, 66, 60, 54, 48, 42];

    private static readonly SKColor Paper = SKColors.White;
    private static readonly SKColor Unreadable = new(225, 225, 225);
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    private readonly SKBitmap _bitmap;
    private readonly SKCanvas _canvas;

    public CollageCanvas(CollageSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        _bitmap = new SKBitmap();
        if (!_bitmap.TryAllocPixels(new SKImageInfo(sheet.Width, sheet.Height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque)))
        {
            _bitmap.Dispose();
            throw new InsufficientMemoryException($"No memory for a {sheet.Width}×{sheet.Height} collage.");
        }

        _canvas = new SKCanvas(_bitmap);
        _canvas.Clear(Paper);
    }

    /// <summary>
    /// Draws a photo upright into its cell, filling it exactly (the layout gave the cell the photo's shape), then
    /// its number in the top-left corner. False when the photo could not be decoded: the cell is grey with a cross.
    /// </summary>
    public bool DrawPhoto(CollageCell cell, ReadOnlySpan<byte> encoded, int number)
    {
        var bounds = SKRect.Create(cell.X, cell.Y, cell.Width, cell.Height);
        bool drawn;
        using (var photo = PhotoDecoder.Decode(encoded, cell.Width, cell.Height))
        {
            drawn = photo is not null;
            if (photo is not null)
            {
                DrawUpright(photo, bounds);
            }
            else
            {
                DrawUnreadable(bounds);
            }
        }

        var height = NumberLabel.HeightFor(cell.Width, cell.Height);
        var margin = height / 4f;
        _canvas.Save();
        _canvas.ClipRect(bounds);
        NumberLabel.Draw(_canvas, number, cell.X + margin, cell.Y + margin, height);
        _canvas.Restore();
        return drawn;
    }

    /// <summary>
    /// The collage as a JPEG of at most <paramref name="maxBytes"/>: the highest quality on the ladder that fits
    /// (quality 90 first, then found by halving the ladder); when even the lowest is too big, the collage is made
    /// smaller by what the overshoot suggests and the ladder is tried again.
    /// </summary>
    public EncodedCollage Encode(int maxBytes)
    {
        var current = _bitmap;
        SKBitmap? smaller = null;
        try
        {
            while (true)
            {
                byte[]? lowest;
                using (var pixels = current.PeekPixels())
                {
                    var fitting = -1;
                    byte[]? best = null;
                    var first = EncodeJpeg(pixels, Qualities[0]);
                    if (first.Length <= maxBytes)
                    {
                        return new EncodedCollage(first, current.Width, current.Height, Qualities[0]);
                    }

                    lowest = first;
                    for (int low = 1, high = Qualities.Length - 1; low <= high;)
                    {
                        var middle = (low + high) / 2;
                        var jpeg = EncodeJpeg(pixels, Qualities[middle]);
                        if (jpeg.Length <= maxBytes)
                        {
                            (best, fitting) = (jpeg, middle);
                            high = middle - 1;
                        }
                        else
                        {
                            lowest = jpeg;
                            low = middle + 1;
                        }
                    }

                    if (best is not null)
                    {
                        return new EncodedCollage(best, current.Width, current.Height, Qualities[fitting]);
                    }
                }

                if (current.Width < 64 || current.Height < 64)
                {
                    throw new InvalidOperationException($"A collage cannot be made smaller than {maxBytes} bytes.");
                }

                // Bytes grow roughly with the area, so the sides shrink with the square root of the overshoot.
                var factor = Math.Clamp(Math.Sqrt((double)maxBytes / lowest.Length) * 0.95, 0.5, 0.9);
                var next = Shrink(current, factor);
                smaller?.Dispose();
                smaller = next;
                current = next;
            }
        }
        finally
        {
            smaller?.Dispose();
        }
    }

    public void Dispose()
    {
        _canvas.Dispose();
        _bitmap.Dispose();
    }

    private void DrawUpright(DecodedPhoto photo, SKRect cell)
    {
        var image = photo.Image;
        var sideways = PhotoDecoder.IsTurnedSideways(photo.Origin);
        var (uprightWidth, uprightHeight) = sideways ? (image.Height, image.Width) : (image.Width, image.Height);
        var upright = PhotoDecoder.Upright(photo.Origin, image.Width, image.Height);

        _canvas.Save();
        _canvas.ClipRect(cell);
        _canvas.Translate(cell.Left, cell.Top);
        _canvas.Scale(cell.Width / uprightWidth, cell.Height / uprightHeight);
        _canvas.Concat(in upright);
        _canvas.DrawImage(image, 0, 0, Smooth);
        _canvas.Restore();
    }

    private void DrawUnreadable(SKRect cell)
    {
        using var fill = new SKPaint { Color = Unreadable, Style = SKPaintStyle.Fill };
        using var cross = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, Math.Min(cell.Width, cell.Height) / 60), IsAntialias = true };
        _canvas.DrawRect(cell, fill);
        _canvas.DrawLine(cell.Left, cell.Top, cell.Right, cell.Bottom, cross);
        _canvas.DrawLine(cell.Right, cell.Top, cell.Left, cell.Bottom, cross);
    }

    private static byte[] EncodeJpeg(SKPixmap pixels, int quality)
    {
        using var jpeg = pixels.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                         ?? throw new InvalidOperationException("Skia could not encode the collage as JPEG.");
        return jpeg.ToArray();
    }

    private static SKBitmap Shrink(SKBitmap source, double factor)
    {
        var info = new SKImageInfo(Math.Max(1, (int)(source.Width * factor)), Math.Max(1, (int)(source.Height * factor)), source.ColorType, SKAlphaType.Opaque);
        var target = new SKBitmap(info);
        using var from = source.PeekPixels();
        using var to = target.PeekPixels();
        from.ScalePixels(to, Smooth);
        return target;
    }
}
