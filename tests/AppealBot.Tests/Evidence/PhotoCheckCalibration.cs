using System.Globalization;
using AppealBot.Evidence;
using AppealBot.Tests.TestKit;
using SkiaSharp;
using Xunit.Abstractions;

namespace AppealBot.Tests.Evidence;

/// <summary>
/// How the photo check's thresholds were chosen (docs/collage-benchmark.md): each measure on generated scenes, sharp
/// and spoilt, at the sizes phones and Telegram make. Printed, not asserted: runs only with APPEALBOT_BENCH=1.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class PhotoCheckCalibration(ITestOutputHelper output)
{
    private static readonly (int Width, int Height)[] Sizes = [(1280, 960), (4000, 3000)];

    [BenchmarkFact]
    public void Measures_of_sharp_and_spoilt_scenes()
    {
        int[] seeds = [1, 4, 21];
        foreach (var (width, height) in Sizes)
        {
            output.WriteLine($"— {width}×{height} —");
            Row("sharp", seeds, s => Scenes.Draw(s, width, height));
            foreach (var sigma in new[] { 0.002, 0.003, 0.005, 0.01, 0.015 })
            {
                Row($"blurred σ={sigma:P1} of width", seeds, s => Scenes.Blurred(s, width, height, sigma));
            }

            foreach (var length in new[] { 0.02 })
            {
                Row($"shaken {length:P1} of width", seeds, s => Scenes.Shaken(s, width, height, length));
            }

            foreach (var exposure in new[] { 0.35, 0.2 })
            {
                Row($"exposure ×{exposure}", seeds, s => Scenes.Exposed(s, width, height, exposure));
            }

            foreach (var lift in new[] { 0.3, 0.6 })
            {
                Row($"lifted {lift:P0} to white", seeds, s => Scenes.Exposed(s, width, height, 1, lift));
            }

            foreach (var exposure in new[] { 2.4 })
            {
                Row($"overexposed ×{exposure}", seeds, s => Scenes.Exposed(s, width, height, exposure));
            }
        }

        // Repeats: the same scene moved a little (another shot), against other scenes.
        var scenes = Enumerable.Range(1, 8).ToArray();
        var measured = scenes.ToDictionary(s => s, s => Measure(Scenes.Draw(s, 1600, 1200)));
        foreach (var shift in new[] { 0.0, 0.01, 0.02, 0.05 })
        {
            var distances = scenes.Select(s => PhotoCheck.HashDistance(measured[s].Hash, Measure(Scenes.Draw(s, 1600, 1200, shift, grainSeed: s + 77)).Hash)).ToList();
            output.WriteLine($"same scene moved {shift:P0}: hash distance {distances.Min()}–{distances.Max()}");
        }

        var others = (from a in scenes from b in scenes where a < b select PhotoCheck.HashDistance(measured[a].Hash, measured[b].Hash)).ToList();
        output.WriteLine($"different scenes: hash distance {others.Min()}–{others.Max()} (median {others.Order().ElementAt(others.Count / 2)})");
    }

    private void Row(string name, int[] seeds, Func<int, SKBitmap> make)
    {
        var all = seeds.Select(s => Measure(make(s))).ToList();
        string Range(Func<PhotoMeasures, double> pick, string format) =>
            string.Create(CultureInfo.InvariantCulture, $"{all.Min(pick).ToString(format, CultureInfo.InvariantCulture)}–{all.Max(pick).ToString(format, CultureInfo.InvariantCulture)}");
        var flagged = all.Count(m => PhotoCheck.Judge(m, 300) != PhotoFindings.None);
        output.WriteLine($"{name,-28} blur {Range(m => m.Blur, "0.00")}  brightest {Range(m => m.Brightest, "0")}  floor {Range(m => m.Floor, "0")}  " +
                         $"contrast {Range(m => m.Contrast, "0")}  clipped {Range(m => m.Clipped, "0.00")}  chroma {Range(m => m.Chroma, "0")}  flagged {flagged}/{all.Count}: " +
                         string.Join(",", all.Select(m => PhotoCheck.Judge(m, 300)).Distinct()));
    }

    /// <summary>Through a JPEG and back, as a phone would hand it over.</summary>
    private static PhotoMeasures Measure(SKBitmap bitmap) => PhotoCheck.Inspect(Scenes.JpegOf(bitmap)).Measures!;
}
