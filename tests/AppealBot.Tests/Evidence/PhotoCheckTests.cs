using AppealBot.Conversation;
using AppealBot.Evidence;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Evidence;

/// <summary>The photo check on generated photos: each spoilt the way phones spoil them, and the same scene crisp.</summary>
public sealed class PhotoCheckTests
{
    private const int MinCell = 300;

    [Theory]
    [InlineData(1280, 960)]
    [InlineData(4000, 3000)]
    [InlineData(960, 1280)]
    public void A_sharp_well_lit_photo_passes(int width, int height)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var measures = Measure(Scenes.JpegOf(Scenes.Draw(seed, width, height)));

            Assert.Equal(PhotoFindings.None, PhotoCheck.Judge(measures, MinCell));
            Assert.Equal(new PhotoShape(width, height), measures.Shape);
        }
    }

    [Theory]
    [InlineData(1280, 960, 0.01)]
    [InlineData(4000, 3000, 0.01)]
    [InlineData(1280, 960, 0.02)]
    public void The_same_photo_out_of_focus_is_flagged_as_blurred(int width, int height, double sigma)
    {
        var sharp = Measure(Scenes.JpegOf(Scenes.Draw(4, width, height)));
        var blurred = Measure(Scenes.JpegOf(Scenes.Blurred(4, width, height, sigma)));

        Assert.Equal(PhotoFindings.Blurred, PhotoCheck.Judge(blurred, MinCell));
        Assert.True(blurred.Blur > sharp.Blur + 0.1, $"blur {sharp.Blur:0.00} sharp, {blurred.Blur:0.00} blurred");
    }

    [Fact]
    public void A_photo_shaken_sideways_is_flagged_as_blurred()
    {
        var shaken = Measure(Scenes.JpegOf(Scenes.Shaken(5, 1600, 1200, 0.02)));

        Assert.Equal(PhotoFindings.Blurred, PhotoCheck.Judge(shaken, MinCell));
    }

    [Fact]
    public void An_underexposed_photo_is_flagged_as_dark()
    {
        var dark = Measure(Scenes.JpegOf(Scenes.Exposed(6, 1600, 1200, exposure: 0.2)));

        Assert.Equal(PhotoFindings.Dark, PhotoCheck.Judge(dark, MinCell));
    }

    [Fact]
    public void A_washed_out_photo_is_flagged_and_a_brightly_coloured_one_is_not()
    {
        var milky = Measure(Scenes.JpegOf(Scenes.Exposed(7, 1600, 1200, exposure: 1, lift: 0.6)));
        var burnt = Measure(Scenes.JpegOf(Scenes.Exposed(7, 1600, 1200, exposure: 2.4)));
        var colourful = Measure(TestImages.Jpeg(TestImages.Picture(1200, 900, 2)));

        Assert.Equal(PhotoFindings.WashedOut, PhotoCheck.Judge(milky, MinCell));
        Assert.True(PhotoCheck.Judge(burnt, MinCell).HasFlag(PhotoFindings.WashedOut), $"clipped {burnt.Clipped:P0}");
        Assert.Equal(PhotoFindings.None, PhotoCheck.Judge(colourful, MinCell));
    }

    [Fact]
    public void A_photo_too_small_for_a_collage_cell_is_flagged_as_such_and_not_also_as_blurred()
    {
        var thumbnail = Measure(Scenes.JpegOf(Scenes.Blurred(8, 240, 180, 0.01)));

        Assert.Equal(PhotoFindings.TooSmall, PhotoCheck.Judge(thumbnail, MinCell));
    }

    [Fact]
    public void A_second_shot_of_the_same_scene_is_a_near_duplicate_and_other_scenes_are_not()
    {
        var first = Measure(Scenes.JpegOf(Scenes.Draw(9, 1600, 1200)));
        var again = Measure(Scenes.JpegOf(Scenes.Draw(9, 1600, 1200, shift: 0.01, grainSeed: 99), quality: 80));
        var others = Enumerable.Range(10, 6).Select(seed => Measure(Scenes.JpegOf(Scenes.Draw(seed, 1600, 1200)))).ToList();

        Assert.True(PhotoCheck.LookAlike(first, again), $"hash distance {PhotoCheck.HashDistance(first.Hash, again.Hash)}");
        Assert.All(others, other => Assert.False(PhotoCheck.LookAlike(first, other), $"hash distance {PhotoCheck.HashDistance(first.Hash, other.Hash)}"));
    }

    [Fact]
    public void Flat_pictures_of_the_same_layout_in_other_colours_are_not_duplicates()
    {
        var red = Measure(TestImages.Jpeg(TestImages.Picture(800, 600, 0)));
        var green = Measure(TestImages.Jpeg(TestImages.Picture(800, 600, 3)));
        var sameColoursOtherShape = Measure(TestImages.Jpeg(TestImages.Picture(600, 800, 0)));

        Assert.False(PhotoCheck.LookAlike(red, green));
        Assert.False(PhotoCheck.LookAlike(red, sameColoursOtherShape));
    }

    [Fact]
    public void A_set_of_photos_names_the_repeat_by_the_earlier_photo_and_judges_each_on_its_own()
    {
        byte[][] set =
        [
            Scenes.JpegOf(Scenes.Draw(20, 1280, 960)),
            Scenes.JpegOf(Scenes.Blurred(21, 1280, 960, 0.015)),
            Scenes.JpegOf(Scenes.Draw(20, 1280, 960, shift: 0.01, grainSeed: 5)),
            Scenes.JpegOf(Scenes.Exposed(22, 1280, 960, 0.2)),
            Scenes.JpegOf(Scenes.Draw(23, 1280, 960)),
        ];
        var photos = set.Select((bytes, i) => (new CasePhoto(i + 1, new PhotoFile($"f{i}", $"u{i}", PhotoKind.Photo, bytes.Length, "image/jpeg")), Measure(bytes))).ToList();

        var flags = PhotoReview.Flag(photos, MinCell);

        Assert.Equal([2, 3, 4], flags.Select(f => f.Photo.Number));
        Assert.Equal(PhotoFindings.Blurred, flags[0].Findings);
        Assert.Equal(PhotoFindings.Repeat, flags[1].Findings);
        Assert.Equal(1, flags[1].RepeatOf!.Number);
        Assert.True(flags[2].Findings.HasFlag(PhotoFindings.Dark));
    }

    [Fact]
    public void Not_a_picture_is_unreadable_and_measures_nothing()
    {
        var inspection = PhotoCheck.Inspect(TestImages.Corrupt());

        Assert.Equal(ProbeOutcome.Unreadable, inspection.Outcome);
        Assert.Null(inspection.Measures);
    }

    [Fact]
    public void A_transparent_png_is_judged_as_it_shows_on_the_white_paper()
    {
        var cutout = Measure(TestImages.TranslucentPng(new TestImage(600, 600, TestImages.TranslucentOnWhite, TestImages.Colour(9), (0.5, 0.5))));

        Assert.False(PhotoCheck.Judge(cutout, MinCell).HasFlag(PhotoFindings.Dark));
    }

    private static PhotoMeasures Measure(byte[] encoded) => PhotoCheck.Inspect(encoded).Measures ?? throw new Xunit.Sdk.XunitException("not measured");
}
