using System.Diagnostics;
using System.Globalization;
using AppealBot.Evidence;
using AppealBot.Localization;
using AppealBot.Tests.TestKit;
using SkiaSharp;
using Xunit.Abstractions;

namespace AppealBot.Tests.Evidence;

/// <summary>A measurement, not a check: runs only with APPEALBOT_BENCH=1 (see docs/collage-benchmark.md).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("APPEALBOT_BENCH") != "1")
        {
            Skip = "A benchmark: set APPEALBOT_BENCH=1 to run it.";
        }
    }
}

/// <summary>
/// Nine 12-megapixel JPEGs made into collages with the default limits: wall time and peak memory, end to end
/// (real host, fake Bot API on loopback) and for the composer alone. Figures are printed, not asserted.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class CollageBenchmark(ITestOutputHelper output)
{
    private const int Photos = 9;
    private const int PhotoWidth = 4000;
    private const int PhotoHeight = 3000;

    [BenchmarkFact]
    public async Task Nine_twelve_megapixel_photos_into_collages()
    {
        var generating = Stopwatch.StartNew();
        var photos = Enumerable.Range(0, Photos).Select(PhotoLike).ToList();
        Print($"Input: {Photos} JPEGs of {PhotoWidth}×{PhotoHeight} ({PhotoWidth * PhotoHeight / 1e6:0.#} MP), " +
              $"{photos.Sum(p => p.Length) / 1e6:0.0} MB in all ({photos.Min(p => p.Length) / 1e6:0.0}–{photos.Max(p => p.Length) / 1e6:0.0} MB each), made in {generating.ElapsedMilliseconds} ms");
        Print($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, {(Debugger.IsAttached ? "debugger" : "no debugger")}, " +
              $"{(typeof(CollageLayout).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled) ? "Debug" : "Release")} build");

        // Warm-up: JIT and Skia's first use, so the measured runs see a steady process.
        await EndToEndAsync(photos.Take(1).ToList(), userId: 9000);
        ComposeAlone(photos.Take(1).ToList());

        for (var run = 1; run <= 2; run++)
        {
            var (endToEnd, endToEndPeak, sheets) = await EndToEndAsync(photos, userId: 9000 + run);
            Print($"End to end, run {run}: {endToEnd.TotalMilliseconds:0} ms from pressing the button to the summary; " +
                  $"peak RSS +{endToEndPeak / 1e6:0} MB over the process before the press; {sheets}");

            var (alone, alonePeak, result) = ComposeAlone(photos);
            Print($"Composer alone, run {run}: {alone.TotalMilliseconds:0} ms (check, layout, draw, encode); peak RSS +{alonePeak / 1e6:0} MB; {result}");

            var (perPhoto, checkPeak, findings) = CheckAlone(photos);
            Print(string.Create(CultureInfo.InvariantCulture,
                $"Photo check alone, run {run}: {perPhoto.Min():0.0}–{perPhoto.Max():0.0} ms a photo, fastest of five each (median {perPhoto.Order().ElementAt(perPhoto.Count / 2):0.0}), from the JPEG's bytes; peak RSS +{checkPeak / 1e6:0} MB; {findings}"));
        }
    }

    /// <summary>The photo check on each photo from its encoded bytes, as the collage delivery runs it: open, probe, small decode, measure.</summary>
    private static (List<double> PerPhoto, long PeakGrowth, string Findings) CheckAlone(List<byte[]> photos)
    {
        using var memory = PeakMemory.Start();
        var times = new List<double>();
        var judged = new List<PhotoFindings>();
        foreach (var photo in photos)
        {
            // The fastest of five, so other work on a shared machine shows less in the figure.
            var fastest = double.MaxValue;
            PhotoInspection? inspection = null;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var watch = Stopwatch.StartNew();
                inspection = PhotoCheck.Inspect(photo);
                watch.Stop();
                fastest = Math.Min(fastest, watch.Elapsed.TotalMilliseconds);
            }

            times.Add(fastest);
            judged.Add(PhotoCheck.Judge(inspection!.Measures!, new CollageOptions().MinCellSide));
        }

        return (times, memory.Stop(), $"findings: {string.Join(", ", judged)}");
    }

    /// <summary>Through the real host: upload as documents, press "Make collages", wait for the summary.</summary>
    private static async Task<(TimeSpan Elapsed, long PeakGrowth, string Sheets)> EndToEndAsync(List<byte[]> photos, long userId)
    {
        await using var bot = await BotUnderTest.StartAsync();
        var buyer = Buyer.Of(bot, userId, Language.En);
        await buyer.ToEvidenceAsync();
        foreach (var (photo, i) in photos.Select((p, i) => (p, i)))
        {
            var file = bot.Server.AddFile(photo, "image/jpeg");
            await buyer.User.SendDocumentAsync(file.FileId, $"IMG_{i + 1:0000}.JPG", "image/jpeg");
        }

        using var memory = PeakMemory.Start();
        var watch = Stopwatch.StartNew();
        await buyer.Press("button.make_collages");
        await buyer.User.WaitForMessageAsync(m => m.Text.StartsWith("✅ Done:", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        watch.Stop();
        var peak = memory.Stop();
        var sheets = string.Join("; ", bot.Logs.Lines.Where(l => l.Contains("Collage ", StringComparison.Ordinal) && l.Contains("quality", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        return (watch.Elapsed, peak, sheets);
    }

    /// <summary>The work of CollageDelivery without Telegram: check every photo (which reads its shape), lay out, draw one at a time, encode.</summary>
    private static (TimeSpan Elapsed, long PeakGrowth, string Result) ComposeAlone(List<byte[]> photos)
    {
        var options = new CollageOptions();
        using var memory = PeakMemory.Start();
        var watch = Stopwatch.StartNew();
        var shapes = photos.Select(p => PhotoCheck.Inspect(p) is { Outcome: ProbeOutcome.Readable } inspection ? inspection.Shape : throw new InvalidOperationException()).ToList();
        var plan = (CollageSheets)CollageLayout.Plan([.. shapes.Select(s => s.Aspect)], CollageSpec.From(options));
        var results = new List<string>();
        foreach (var sheet in plan.Sheets)
        {
            using var canvas = new CollageCanvas(sheet);
            foreach (var cell in sheet.Cells)
            {
                canvas.DrawPhoto(cell, photos[cell.Photo], cell.Photo + 1);
            }

            var collage = canvas.Encode(options.MaxBytes);
            results.Add(string.Create(CultureInfo.InvariantCulture, $"{collage.Width}×{collage.Height}, {collage.Jpeg.Length / 1e6:0.00} MB at quality {collage.Quality}"));
        }

        watch.Stop();
        return (watch.Elapsed, memory.Stop(), $"{plan.Sheets.Count} collage(s): {string.Join("; ", results)}");
    }

    /// <summary>
    /// A photo-like 12 MP JPEG: a crisp generated scene (<see cref="Scenes"/>: a lit surface under fractal noise,
    /// objects and a printed label, with per-pixel grain like a phone sensor's), so it compresses about as a real photo
    /// does and passes the photo check as a sharp, well-lit photo would. (Until the check existed the benchmark enlarged
    /// a 400 × 300 texture instead, which the check rightly finds blurred.)
    /// </summary>
    private static byte[] PhotoLike(int index) => Scenes.JpegOf(Scenes.Draw(100 + index, PhotoWidth, PhotoHeight), quality: 92);

    private void Print(string line) => output.WriteLine(line);

    /// <summary>
    /// The process's peak resident memory while it runs, over what was resident at the start. Linux keeps the peak
    /// (VmHWM) and lets a process reset it (writing 5 to /proc/self/clear_refs); a sampler backs it up elsewhere.
    /// </summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly long _before;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampler;
        private readonly bool _resetWorked;

        private PeakMemory()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            _before = Status("VmRSS:");
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                _resetWorked = Status("VmHWM:") <= _before + (16L << 20);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }

            _sampler = Task.Run(async () =>
            {
                var peak = 0L;
                while (!_stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Status("VmRSS:"));
                    try
                    {
                        await Task.Delay(2, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                return peak;
            });
        }

        public static PeakMemory Start() => new();

        public long Stop()
        {
            _stop.Cancel();
            var sampled = _sampler.GetAwaiter().GetResult();
            var peak = _resetWorked ? Math.Max(Status("VmHWM:"), sampled) : sampled;
            return peak - _before;
        }

        public void Dispose() => _stop.Dispose();

        /// <summary>A size line of /proc/self/status, in bytes; 0 where there is no such file.</summary>
        private static long Status(string field)
        {
            try
            {
                var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
