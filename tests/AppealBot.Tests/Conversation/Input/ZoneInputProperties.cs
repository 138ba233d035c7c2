using System.Globalization;
using AppealBot.Conversation;
using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

public sealed class ZoneInputProperties
{
    /// <summary>Any instant of 2020–2035, so DST seasons on both sides and the zones' current rules are covered.</summary>
    private static readonly Gen<DateTimeOffset> Now =
        Gen.Long[new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), new DateTimeOffset(2035, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()]
            .Select(DateTimeOffset.FromUnixTimeSeconds);

    private static readonly Gen<(string Zone, string Name)> Place =
        Gen.OneOfConst([.. ZoneCities.All.SelectMany(c => c.Names.Select(n => (c.Zone, n)))]);

    [Fact]
    public void Every_listed_place_reads_to_a_zone_with_its_clock() =>
        Gen.Select(Place, Now, Gen.OneOfConst("{0}", "{0}!", "  {0} ", "{0}, UTC")).Sample((place, now, frame) =>
        {
            var text = string.Format(CultureInfo.InvariantCulture, frame, place.Name);
            if (frame.Contains("UTC", StringComparison.Ordinal))
            {
                // With a UTC that disagrees, no guess; with one that agrees (London, Lisbon), the zone.
                if (ZoneInput.TryRead(text, now, out var both))
                {
                    Assert.Equal(TimeSpan.Zero, UserTimeZones.Find(both.ZoneId)!.GetUtcOffset(now));
                }

                return;
            }

            Assert.True(ZoneInput.TryRead(text, now, out var reading), text);
            var own = TimeZoneInfo.FindSystemTimeZoneById(place.Zone);
            Assert.Equal(own.Id, reading.PlaceZoneId);
            Assert.Equal(own.GetUtcOffset(now), UserTimeZones.Find(reading.ZoneId)!.GetUtcOffset(now));
            Assert.True(UserTimeZones.Offered.Contains(reading.ZoneId) || reading.ZoneId == own.Id, reading.ZoneId);
        }, print: t => $"\"{t.Item1.Name}\" at {t.Item2:O}");

    [Fact]
    public void An_offset_reads_to_a_zone_with_that_offset_now() =>
        Gen.Select(Gen.Int[-12, 14], Gen.OneOfConst(0, 0, 0, 30, 45), Now, Gen.OneOfConst("UTC{0}", "utc {0}", "GMT{0}", "{0}"))
            .Sample((hours, minutes, now, frame) =>
            {
                var offset = new TimeSpan(hours, hours < 0 ? -minutes : minutes, 0);
                var typed = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(minutes == 0 ? "%h" : @"h\:mm", CultureInfo.InvariantCulture);
                var text = string.Format(CultureInfo.InvariantCulture, frame, typed);
                if (!ZoneInput.TryRead(text, now, out var reading))
                {
                    // Only offsets with minutes that no zone keeps all year are refused.
                    Assert.NotEqual(0, minutes);
                    return;
                }

                var zone = UserTimeZones.Find(reading.ZoneId)!;
                var standard = Enumerable.Range(0, 13).Select(m => zone.GetUtcOffset(now.AddMonths(m))).Min();
                Assert.True(zone.GetUtcOffset(now) == offset || standard == offset, $"{text} -> {reading.ZoneId}");
                Assert.Equal(ZoneSource.Offset, reading.Source);
            }, print: t => $"{t.Item1}:{t.Item2} at {t.Item3:O} as {t.Item4}");

    [Fact]
    public void An_offset_an_offered_zone_keeps_all_year_reads_to_that_zone() =>
        Gen.Select(Gen.OneOfConst([.. UserTimeZones.Offered]), Now).Sample((id, now) =>
        {
            var zone = UserTimeZones.Find(id)!;
            var year = Enumerable.Range(0, 13).Select(m => zone.GetUtcOffset(now.AddMonths(m))).Distinct().ToList();
            if (year.Count != 1)
            {
                return;
            }

            var offset = year[0];
            var text = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"h\:mm", CultureInfo.InvariantCulture);
            Assert.True(ZoneInput.TryRead(text, now, out var reading), text);
            Assert.Contains(reading.ZoneId, UserTimeZones.Offered);
            Assert.Equal(offset, UserTimeZones.Find(reading.ZoneId)!.GetUtcOffset(now));
        });

    [Fact]
    public void Whatever_is_read_is_a_zone_the_bot_can_use() =>
        Gen.Select(InputGen.AnyText, Now).Sample((text, now) =>
        {
            if (ZoneInput.TryRead(text, now, out var reading))
            {
                Assert.NotNull(UserTimeZones.Find(reading.ZoneId));
            }
        }, iter: 1000);
}
