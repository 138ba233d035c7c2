using System.Globalization;
using SkiaSharp;

namespace AppealBot.Evidence;

/// <summary>
/// The photo's number in a dark-edged amber box, digits drawn as seven-segment shapes. Vector drawing needs no
/// font, so labels come out the same on a server without any fonts installed.
/// </summary>
internal static class NumberLabel
{
    public static readonly SKColor Fill = new(255, 200, 0);
    public static readonly SKColor Ink = new(20, 20, 20);

    // Segments a–g of a seven-segment digit, as bits: a = top, b = top right, c = bottom right, d = bottom,
    // e = bottom left, f = top left, g = middle.
    private static readonly int[] Segments = [0b0111111, 0b0000110, 0b1011011, 0b1001111, 0b1100110, 0b1101101, 0b1111101, 0b0000111, 0b1111111, 0b1101111];

    /// <summary>The label's height for a cell: an eighth of its shorter side, between 18 and 96 px.</summary>
    public static int HeightFor(int cellWidth, int cellHeight) => Math.Clamp(Math.Min(cellWidth, cellHeight) / 8, 18, 96);

    /// <summary>Draws the label with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>); returns its bounds.</summary>
    public static SKRect Draw(SKCanvas canvas, int number, float x, float y, float height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var digits = number.ToString(CultureInfo.InvariantCulture);
        var digitHeight = height * 0.62f;
        var digitWidth = digitHeight * 0.55f;
        var spacing = digitWidth * 0.35f;
        var padding = height * 0.28f;
        var width = (2 * padding) + (digits.Length * digitWidth) + ((digits.Length - 1) * spacing);
        var box = SKRect.Create(x, y, width, height);

        using var fill = new SKPaint { Color = Fill, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var edge = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, height / 18) };
        using var ink = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Fill };
        var radius = height * 0.22f;
        canvas.DrawRoundRect(box, radius, radius, fill);
        canvas.DrawRoundRect(box, radius, radius, edge);

        var left = x + padding;
        var top = y + ((height - digitHeight) / 2);
        foreach (var digit in digits)
        {
            DrawDigit(canvas, Segments[digit - '0'], left, top, digitWidth, digitHeight, ink);
            left += digitWidth + spacing;
        }

        return box;
    }

    private static void DrawDigit(SKCanvas canvas, int segments, float x, float y, float width, float height, SKPaint ink)
    {
        var t = width * 0.26f;
        var gap = t * 0.18f;
        var middle = y + (height / 2);
        var r = t / 3;
        SKRect[] shapes =
        [
            new(x + t - gap, y, x + width - t + gap, y + t),                                 // a
            new(x + width - t, y + t + gap, x + width, middle - (t / 2) - gap),              // b
            new(x + width - t, middle + (t / 2) + gap, x + width, y + height - t - gap),     // c
            new(x + t - gap, y + height - t, x + width - t + gap, y + height),               // d
            new(x, middle + (t / 2) + gap, x + t, y + height - t - gap),                     // e
            new(x, y + t + gap, x + t, middle - (t / 2) - gap),                              // f
            new(x + t - gap, middle - (t / 2), x + width - t + gap, middle + (t / 2)),       // g
        ];
        for (var segment = 0; segment < shapes.Length; segment++)
        {
            if ((segments & (1 << segment)) != 0)
            {
                canvas.DrawRoundRect(shapes[segment], r, r, ink);
            }
        }
    }
}
