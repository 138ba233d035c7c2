using SkiaSharp;

namespace AppealBot.Tests.TestKit;

/// <summary>
/// Photo-like pictures for the photo check: a lit surface (a gradient under fractal noise) with objects on it — boxes,
/// discs, label-like stripes and lines of "print" — drawn crisp at full size, then sensor grain. The same seed makes
/// the same scene; the variants spoil it as phones do: blurred, underexposed, washed out, taken again a little moved.
/// </summary>
internal static class Scenes
{
    /// <summary>The scene as decoded pixels (upright, opaque); dispose it.</summary>
    public static SKBitmap Draw(int seed, int width, int height, double shift = 0, int grainSeed = -1)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            // A second shot a little to the side: everything moves by the same share of the picture.
            canvas.Translate((float)(shift * width), (float)(shift * height * 0.5));
            var light = Tone(random, 150, 235);
            var shade = Tone(random, 60, 140);
            using (var gradient = SKShader.CreateLinearGradient(new SKPoint(-width * 0.1f, 0), new SKPoint(width * 1.1f, height),
                       [light, shade], SKShaderTileMode.Clamp))
            using (var paint = new SKPaint { Shader = gradient })
            {
                canvas.DrawRect(-width, -height, 3 * width, 3 * height, paint);
            }

            using (var noise = SKShader.CreatePerlinNoiseFractalNoise(12f / width, 12f / width, 3, seed))
            using (var texture = new SKPaint { Shader = noise, BlendMode = SKBlendMode.Overlay })
            {
                canvas.DrawRect(-width, -height, 3 * width, 3 * height, texture);
            }

            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            var unit = Math.Min(width, height) / 100f;
            for (var i = 0; i < 6; i++)
            {
                fill.Color = Tone(random, 20, 250);
                var x = (float)(random.NextDouble() * width * 0.8);
                var y = (float)(random.NextDouble() * height * 0.8);
                var w = unit * random.Next(12, 40);
                var h = unit * random.Next(12, 40);
                if (random.Next(3) == 0)
                {
                    canvas.DrawCircle(x + (w / 2), y + (w / 2), w / 2, fill);
                }
                else
                {
                    canvas.DrawRoundRect(SKRect.Create(x, y, w, h), unit, unit, fill);
                }
            }

            // A label: a light card with lines of dark "print", the detail a blurred photo loses first.
            var left = (float)(random.NextDouble() * width * 0.5);
            var top = (float)(random.NextDouble() * height * 0.5);
            fill.Color = new SKColor(245, 245, 240);
            canvas.DrawRect(SKRect.Create(left, top, unit * 40, unit * 26), fill);
            fill.Color = new SKColor(25, 25, 30);
            for (var line = 0; line < 8; line++)
            {
                for (var word = 0; word < 6; word++)
                {
                    var wordWidth = unit * random.Next(2, 6);
                    canvas.DrawRect(SKRect.Create(left + (unit * 2) + (word * unit * 6.2f), top + (unit * 2) + (line * unit * 3), wordWidth, unit * 1.4f), fill);
                }
            }
        }

        AddGrain(bitmap, grainSeed < 0 ? seed : grainSeed, 12);
        return bitmap;
    }

    /// <summary>The same scene out of focus: a Gaussian blur of <paramref name="sigmaShare"/> of the picture's width, then grain.</summary>
    public static SKBitmap Blurred(int seed, int width, int height, double sigmaShare)
    {
        using var sharp = Draw(seed, width, height);
        var blurred = new SKBitmap(sharp.Info);
        using (var canvas = new SKCanvas(blurred))
        using (var filter = SKImageFilter.CreateBlur((float)(sigmaShare * width), (float)(sigmaShare * width), SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { ImageFilter = filter })
        {
            canvas.DrawBitmap(sharp, 0, 0, paint);
        }

        // The sensor's grain comes after the lens: it is as crisp in a blurred photo as in a sharp one.
        AddGrain(blurred, seed + 1000, 12);
        return blurred;
    }

    /// <summary>The same scene shaken sideways: a blur of <paramref name="lengthShare"/> of the width in one direction.</summary>
    public static SKBitmap Shaken(int seed, int width, int height, double lengthShare)
    {
        using var sharp = Draw(seed, width, height);
        var shaken = new SKBitmap(sharp.Info);
        using (var canvas = new SKCanvas(shaken))
        using (var filter = SKImageFilter.CreateBlur((float)(lengthShare * width / 2), 0, SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { ImageFilter = filter })
        {
            canvas.DrawBitmap(sharp, 0, 0, paint);
        }

        AddGrain(shaken, seed + 2000, 12);
        return shaken;
    }

    /// <summary>The scene with every level multiplied by <paramref name="exposure"/> (0.2 ≈ 2.3 stops under) and offset by <paramref name="lift"/> towards white (0–1).</summary>
    public static SKBitmap Exposed(int seed, int width, int height, double exposure, double lift = 0)
    {
        var bitmap = Draw(seed, width, height);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i++)
        {
            if ((i & 3) != 3)
            {
                var level = (pixels[i] * exposure * (1 - lift)) + (255 * lift);
                pixels[i] = (byte)Math.Clamp(Math.Round(level), 0, 255);
            }
        }

        return bitmap;
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>Disposes the bitmap after encoding it.</summary>
    public static byte[] JpegOf(SKBitmap bitmap, int quality = 90)
    {
        using (bitmap)
        {
            return Jpeg(bitmap, quality);
        }
    }

    private static SKColor Tone(Random random, int low, int high) =>
        new((byte)random.Next(low, high), (byte)random.Next(low, high), (byte)random.Next(low, high));

    private static void AddGrain(SKBitmap bitmap, int seed, int strength)
    {
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        var grain = new byte[1 << 16];
        random.NextBytes(grain);
        for (int i = 0, g = 0; i < pixels.Length; i++, g = (g + 1) & (grain.Length - 1))
        {
            if ((i & 3) != 3)
            {
                pixels[i] = (byte)Math.Clamp(pixels[i] + ((grain[g] - 128) * strength / 128), 0, 255);
            }
        }
    }
}
