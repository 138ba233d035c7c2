using System.Buffers.Binary;
using System.IO.Compression;
using AppealBot.Evidence;
using AppealBot.Tests.TestKit;
using SkiaSharp;

namespace AppealBot.Tests.Evidence;

public sealed class CollageCanvasTests
{
    public enum Corner
    {
        TopLeft,
        TopRight,
        BottomLeft,
        BottomRight,
    }

    /// <summary>
    /// Where the stored picture's top-left and top-right corners must be seen for each EXIF orientation, read from the
    /// standard's wording ("the 0th row is the visual …, the 0th column is the visual …"), not from the code's matrices.
    /// </summary>
    public static TheoryData<int, Corner, Corner> Orientations => new()
    {
        { 1, Corner.TopLeft, Corner.TopRight },       // row 0 top, column 0 left
        { 2, Corner.TopRight, Corner.TopLeft },       // row 0 top, column 0 right
        { 3, Corner.BottomRight, Corner.BottomLeft }, // row 0 bottom, column 0 right
        { 4, Corner.BottomLeft, Corner.BottomRight }, // row 0 bottom, column 0 left
        { 5, Corner.TopLeft, Corner.BottomLeft },     // row 0 left, column 0 top
        { 6, Corner.TopRight, Corner.BottomRight },   // row 0 right, column 0 top
        { 7, Corner.BottomRight, Corner.TopRight },   // row 0 right, column 0 bottom
        { 8, Corner.BottomLeft, Corner.TopLeft },     // row 0 left, column 0 bottom
    };

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Every_exif_orientation_is_turned_upright(int orientation, Corner storedTopLeft, Corner storedTopRight)
    {
        const int width = 300, height = 200;
        SKColor background = TestImages.Colour(0), first = TestImages.Colour(1), second = TestImages.Colour(2);
        using var stored = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(stored))
        {
            canvas.Clear(background);
            using var paintFirst = new SKPaint { Color = first };
            using var paintSecond = new SKPaint { Color = second };
            canvas.DrawRect(0, 0, 110, 70, paintFirst);
            canvas.DrawRect(width - 110, 0, 110, 70, paintSecond);
        }

        var jpeg = TestImages.WithExifOrientation(stored.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray(), orientation);

        Assert.Equal(ProbeOutcome.Readable, PhotoDecoder.Probe(jpeg, out var shape));
        var sideways = orientation >= 5;
        Assert.Equal(sideways ? (height, width) : (width, height), (shape.Width, shape.Height));
        using var collage = Draw(jpeg, shape.Width, shape.Height);
        Assert.Equal(storedTopLeft, CornerOf(collage, first));
        Assert.Equal(storedTopRight, CornerOf(collage, second));
        Assert.Equal(shape.Width * shape.Height, collage.Find(background)!.Value.Width * collage.Find(background)!.Value.Height);
    }

    [Fact]
    public void A_photo_is_scaled_to_fill_its_cell_and_numbered_in_its_corner()
    {
        var image = TestImages.Picture(1200, 900, colourPair: 3);
        using var collage = Draw(TestImages.Jpeg(image), 400, 300, number: 7);

        var background = collage.Find(image.Background)!.Value;
        var patch = collage.Find(image.Patch)!.Value;
        Assert.Equal((400, 300), (background.Width, background.Height));
        Assert.InRange(patch.Width, 98, 102);
        Assert.InRange(patch.Height, 98, 102);
        var label = NumberLabel.HeightFor(400, 300);
        Assert.True(collage.LabelPixels(0, 0, 2 * label, 2 * label) > label * label / 3, "no amber label in the top-left corner");
        Assert.Equal(0, collage.LabelPixels(200, 150, 200, 150));
    }

    [Fact]
    public void Labels_are_drawn_as_shapes_so_they_need_no_font()
    {
        static int Ink(int number)
        {
            using var bitmap = new SKBitmap(200, 60);
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(SKColors.White);
                NumberLabel.Draw(canvas, number, 0, 0, 48);
            }

            var dark = 0;
            for (var y = 8; y < 40; y++)
            {
                for (var x = 8; x < 190; x++)
                {
                    dark += bitmap.GetPixel(x, y).Red < 80 ? 1 : 0;
                }
            }

            return dark;
        }

        // A "1" lights two segments, a "7" three, an "8" all seven; two digits carry twice the ink of one.
        Assert.True(Ink(1) < Ink(7) && Ink(7) < Ink(8), $"1: {Ink(1)}, 7: {Ink(7)}, 8: {Ink(8)}");
        Assert.InRange(Ink(88), Ink(8) * 1.8, Ink(8) * 2.2);
    }

    [Fact]
    public void A_collage_too_big_for_the_byte_limit_loses_quality_then_size_until_it_fits()
    {
        var image = TestImages.Picture(800, 600, colourPair: 4);
        var noisy = TestImages.Jpeg(image, noisyBand: 0.6);
        var sheet = new CollageSheet(800, 600, [new CollageCell(0, 0, 0, 800, 600)]);
        using var canvas = new CollageCanvas(sheet);
        Assert.True(canvas.DrawPhoto(sheet.Cells[0], noisy, 1));

        var generous = canvas.Encode(50_000_000);
        var tight = canvas.Encode(generous.Jpeg.Length * 2 / 3);
        var tiny = canvas.Encode(30_000);

        Assert.Equal((800, 600, 90), (generous.Width, generous.Height, generous.Quality));
        Assert.InRange(tight.Jpeg.Length, 1, generous.Jpeg.Length * 2 / 3);
        Assert.Equal((800, 600), (tight.Width, tight.Height));
        Assert.InRange(tight.Quality, 42, 84);
        Assert.InRange(tiny.Jpeg.Length, 1, 30_000);
        Assert.True(tiny.Width < 800 && tiny.Height < 600, $"past the lowest quality the collage gets smaller, not {tiny.Width}×{tiny.Height}");
        Assert.Equal(800.0 / 600, (double)tiny.Width / tiny.Height, 1);
    }

    [Fact]
    public void A_picture_that_would_unpack_to_too_many_pixels_is_refused_from_its_header()
    {
        Assert.Equal(ProbeOutcome.TooManyPixels, PhotoDecoder.Probe(PngHeader(20_000, 20_000), out _));
        Assert.Equal(ProbeOutcome.Readable, PhotoDecoder.Probe(PngHeader(4_000, 3_000), out var shape));
        Assert.Equal((4_000, 3_000), (shape.Width, shape.Height));
    }

    [Fact]
    public void Corrupt_or_empty_bytes_are_unreadable_and_draw_a_marked_cell()
    {
        Assert.Equal(ProbeOutcome.Unreadable, PhotoDecoder.Probe(TestImages.Corrupt(), out _));
        Assert.Equal(ProbeOutcome.Unreadable, PhotoDecoder.Probe([], out _));

        var sheet = new CollageSheet(300, 300, [new CollageCell(0, 0, 0, 300, 300)]);
        using var canvas = new CollageCanvas(sheet);
        Assert.False(canvas.DrawPhoto(sheet.Cells[0], TestImages.Corrupt(), 3));
    }

    private static CollageImage Draw(byte[] encoded, int width, int height, int number = 1)
    {
        var sheet = new CollageSheet(width, height, [new CollageCell(0, 0, 0, width, height)]);
        using var canvas = new CollageCanvas(sheet);
        Assert.True(canvas.DrawPhoto(sheet.Cells[0], encoded, number));
        return new CollageImage(canvas.Encode(50_000_000).Jpeg);
    }

    private static Corner CornerOf(CollageImage collage, SKColor colour)
    {
        var (x, y) = collage.Find(colour)?.Centre ?? throw new InvalidOperationException($"{colour} is not on the collage");
        return (x < collage.Width / 2.0, y < collage.Height / 2.0) switch
        {
            (true, true) => Corner.TopLeft,
            (false, true) => Corner.TopRight,
            (true, false) => Corner.BottomLeft,
            _ => Corner.BottomRight,
        };
    }

    /// <summary>A PNG that declares its size and holds one tiny compressed row: enough for a codec to read the header.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // truecolour
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(new byte[1 + (3 * Math.Min(width, 64))]);
        }

        return [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
