using System.Globalization;

namespace AppealBot.Conversation.Input;

internal enum ZoneSource
{
    /// <summary>A place: «Новосибирск», «в Новосибирске», «Milano», «London».</summary>
    City,

    /// <summary>An offset: «UTC+7», «GMT-3», «+3», «МСК+4».</summary>
    Offset,
}

/// <summary>
/// A time zone read from text. <see cref="ZoneId"/> is the one to store, always one <see cref="UserTimeZones.Find"/>
/// resolves: for a place, its own zone when offered, else an offered zone that keeps the same clock all year
/// (Novosibirsk → Asia/Krasnoyarsk, Tbilisi → Europe/Samara, Berlin → Europe/Rome), else the place's own IANA zone;
/// for an offset, an offered zone keeping it all year (UTC+3 → Europe/Moscow), else one whose standard time it is
/// (UTC+1 → Europe/Rome), else a fixed zone («UTC-5» → Etc/GMT+5, «UTC+5:30» → Asia/Kolkata).
/// <see cref="PlaceZoneId"/> is the named place's own zone (null for an offset).
/// </summary>
internal readonly record struct ZoneReading(string ZoneId, ZoneSource Source, string? PlaceZoneId);

/// <summary>
/// Reads a time zone as people answer «where are you?»: a city in Russian (in any case), Italian or English, or a
/// UTC/GMT/Moscow offset. A message naming two different zones is not guessed between.
/// </summary>
internal static class ZoneInput
{
    private const int MaxLength = 100;

    /// <summary>Russian noun endings after the stem: «Москв-ы», «Новосибирск-е», «Перм-и», «Чебоксар-ах».</summary>
    private static readonly string[] NounEndings = ["а", "ы", "и", "е", "у", "ю", "ой", "ей", "ом", "ем", "ью", "ою", "ах", "ям", "ам", "ях"];

    /// <summary>Russian adjective endings: «Нижн-ем Новгороде», «Петропавловске-Камчатск-ом».</summary>
    private static readonly string[] AdjectiveEndings = ["ии", "ыи", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ая", "яя", "ую", "юю", "ои", "еи", "ое", "ее"];

    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    /// <summary>Offsets with minutes that no Etc/GMT zone has, each with a zone that keeps it all year.</summary>
    private static readonly Dictionary<TimeSpan, string> HalfHourZones = new()
    {
        [new TimeSpan(3, 30, 0)] = "Asia/Tehran",
        [new TimeSpan(4, 30, 0)] = "Asia/Kabul",
        [new TimeSpan(5, 30, 0)] = "Asia/Kolkata",
        [new TimeSpan(5, 45, 0)] = "Asia/Kathmandu",
        [new TimeSpan(6, 30, 0)] = "Asia/Yangon",
        [new TimeSpan(8, 45, 0)] = "Australia/Eucla",
        [new TimeSpan(9, 30, 0)] = "Australia/Darwin",
        [new TimeSpan(-9, -30, 0)] = "Pacific/Marquesas",
    };

    /// <summary>Every name, by its first word's lookup keys: the word itself and, for Russian, its stem.</summary>
    private static readonly Dictionary<string, List<PlaceName>> ByFirstWord = Index();

    public static bool TryRead(string? text, DateTimeOffset now, out ZoneReading zone)
    {
        zone = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var tokens = Tokens.Split(TypedText.Folded(text));
        ZoneReading? found = null;
        for (var i = 0; i < tokens.Count;)
        {
            var (reading, used) = OffsetAt(tokens, i, now);
            if (used == 0)
            {
                (reading, used) = PlaceAt(tokens, i, now);
            }

            if (used < 0 || (reading is { } r && found is { } f && r.ZoneId != f.ZoneId))
            {
                return false;
            }

            found ??= reading;
            i += Math.Max(used, 1);
        }

        zone = found ?? default;
        return found is not null;
    }

    /// <summary>«UTC+7», «GMT -3», «utc+05:30», «UTC», «+3», «−5», «МСК+4»; used is −1 for an offset no zone has.</summary>
    private static (ZoneReading? Reading, int Used) OffsetAt(List<Token> tokens, int i, DateTimeOffset now)
    {
        var at = i;
        var baseOffset = TimeSpan.Zero;
        var named = false;
        if (tokens[at].Text is "utc" or "gmt" or "мск" or "msk")
        {
            named = true;
            baseOffset = tokens[at].Text is "мск" or "msk" ? MoscowOffset(now) : TimeSpan.Zero;
            at++;
        }

        var sign = at < tokens.Count ? tokens[at].Text switch
        {
            "+" => 1,
            "-" or "\u2212" or "\u2013" => -1,
            _ => 0,
        } : 0;
        if (sign == 0 && !named)
        {
            return (null, 0);
        }

        at += sign == 0 ? 0 : 1;
        if (at >= tokens.Count || !tokens[at].IsNumber)
        {
            if (sign != 0 || tokens[i].Text is "мск" or "msk")
            {
                // «UTC+» or a lone «мск» (a place, read next).
                return (null, 0);
            }

            return (Resolve(baseOffset, now), at - i);
        }

        // «UTC 3» means +3; a bare «+3» stands alone, so «+7 912 345» (a phone number) is no zone.
        var hours = tokens[at].Text;
        var minutes = "0";
        var end = at + 1;
        if (hours.Length == 4)
        {
            (hours, minutes) = (hours[..2], hours[2..]);
        }
        else if (hours.Length > 2)
        {
            return (null, 0);
        }
        else if (end + 1 < tokens.Count && tokens[end].IsSymbol(':') && tokens[end + 1].IsNumber && tokens[end + 1].Text.Length == 2)
        {
            minutes = tokens[end + 1].Text;
            end += 2;
        }

        // «+7 912» is a phone number, «UTC+3:30:00» a time.
        if ((end < tokens.Count && tokens[end].IsNumber) || (end + 1 < tokens.Count && tokens[end].IsSymbol(':') && tokens[end + 1].IsNumber))
        {
            return (null, 0);
        }

        var offset = new TimeSpan(int.Parse(hours, CultureInfo.InvariantCulture), int.Parse(minutes, CultureInfo.InvariantCulture), 0);
        offset = baseOffset + (sign < 0 ? -offset : offset);
        if (offset < TimeSpan.FromHours(-12) || offset > TimeSpan.FromHours(14) || offset.Minutes is not (0 or 30 or 45 or -30 or -45))
        {
            return (null, -1);
        }

        var reading = Resolve(offset, now);
        return reading is null ? (null, -1) : (reading, end - i);
    }

    /// <summary>An offered zone keeping this offset all year; one whose standard time it is (UTC+1 → Rome); else a fixed zone.</summary>
    private static ZoneReading? Resolve(TimeSpan offset, DateTimeOffset now)
    {
        var offered = UserTimeZones.Offered.Select(UserTimeZones.Find).OfType<TimeZoneInfo>().ToList();
        var zone = offered.Find(z => Year(z, now).All(o => o == offset))
                   ?? offered.Find(z => Year(z, now).Min() == offset);
        if (zone is not null)
        {
            return new ZoneReading(zone.Id, ZoneSource.Offset, null);
        }

        var id = offset.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(offset.Hours > 0 ? "-" : "+")}{Math.Abs(offset.Hours)}")
            : HalfHourZones.GetValueOrDefault(offset);
        return UserTimeZones.Find(id) is { } fixedZone && fixedZone.GetUtcOffset(now) == offset
            ? new ZoneReading(fixedZone.Id, ZoneSource.Offset, null)
            : null;
    }

    private static (ZoneReading? Reading, int Used) PlaceAt(List<Token> tokens, int i, DateTimeOffset now)
    {
        if (!tokens[i].IsWord)
        {
            return (null, 0);
        }

        var best = (Name: (PlaceName?)null, Used: 0);
        foreach (var key in Keys(tokens[i].Text))
        {
            foreach (var name in ByFirstWord.GetValueOrDefault(key) ?? [])
            {
                var used = name.Length(tokens, i);
                if (used > best.Used)
                {
                    best = (name, used);
                }
            }
        }

        if (best.Name is not { } place || UserTimeZones.Find(place.Zone) is not { } own)
        {
            return (null, 0);
        }

        // The place's own zone when offered; else an offered one with the same clock all year, so labels and buttons
        // know it (Novosibirsk keeps Krasnoyarsk's time); else the place's own.
        var equivalent = UserTimeZones.Offered.Contains(own.Id)
            ? own
            : UserTimeZones.Offered.Select(UserTimeZones.Find).OfType<TimeZoneInfo>().FirstOrDefault(z => Year(z, now).SequenceEqual(Year(own, now)));
        return (new ZoneReading(equivalent?.Id ?? own.Id, ZoneSource.City, own.Id), best.Used);
    }

    /// <summary>The offset on the first of each of the next thirteen months: enough to tell one year's clock from another.</summary>
    private static IEnumerable<TimeSpan> Year(TimeZoneInfo zone, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.Year, now.Month, 1, 12, 0, 0, TimeSpan.Zero);
        for (var m = 0; m <= 12; m++)
        {
            yield return zone.GetUtcOffset(start.AddMonths(m));
        }
    }

    private static TimeSpan MoscowOffset(DateTimeOffset now) =>
        UserTimeZones.Find("Europe/Moscow")?.GetUtcOffset(now) ?? Moscow;

    /// <summary>The word itself and every stem it may be a case of.</summary>
    private static IEnumerable<string> Keys(string word)
    {
        yield return word;
        foreach (var ending in NounEndings.Concat(AdjectiveEndings))
        {
            if (word.Length > ending.Length + 1 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return word[..^ending.Length];
            }
        }
    }

    private static Dictionary<string, List<PlaceName>> Index()
    {
        var index = new Dictionary<string, List<PlaceName>>();
        foreach (var (zone, names) in ZoneCities.All)
        {
            foreach (var name in names)
            {
                var place = new PlaceName(zone, [.. TypedText.Folded(name).Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(NameWord.Of)]);
                foreach (var key in new[] { place.Words[0].Form, place.Words[0].Stem }.OfType<string>().Distinct())
                {
                    if (!index.TryGetValue(key, out var list))
                    {
                        index[key] = list = [];
                    }

                    list.Add(place);
                }
            }
        }

        return index;
    }

    /// <summary>One word of a place name: its form, and for Cyrillic words the stem its cases are built on.</summary>
    private sealed record NameWord(string Form, string? Stem, bool Adjective)
    {
        public static NameWord Of(string word)
        {
            if (!word.Any(c => c is >= 'а' and <= 'я'))
            {
                return new NameWord(word, null, false);
            }

            if (word.Length > 4 && (word.EndsWith("ии", StringComparison.Ordinal) || word.EndsWith("ыи", StringComparison.Ordinal)))
            {
                return new NameWord(word, word[..^2], true);
            }

            return new NameWord(word, word[^1] is 'а' or 'я' or 'ь' or 'о' or 'ы' or 'и' ? word[..^1] : word, false);
        }

        public bool Matches(string token)
        {
            if (token == Form)
            {
                return true;
            }

            if (Stem is null || !token.StartsWith(Stem, StringComparison.Ordinal))
            {
                return false;
            }

            var ending = token[Stem.Length..];
            return ending.Length == 0 || Array.IndexOf(Adjective ? AdjectiveEndings : NounEndings, ending) >= 0;
        }
    }

    private sealed record PlaceName(string Zone, NameWord[] Words)
    {
        /// <summary>Tokens the name takes from <paramref name="index"/> on (hyphens and dots between its words), or 0.</summary>
        public int Length(List<Token> tokens, int index)
        {
            var at = index;
            for (var w = 0; w < Words.Length; w++)
            {
                while (w > 0 && at < tokens.Count && (tokens[at].IsSymbol('-') || tokens[at].IsSymbol('.')))
                {
                    at++;
                }

                if (at >= tokens.Count || !tokens[at].IsWord || !Words[w].Matches(tokens[at].Text))
                {
                    return 0;
                }

                at++;
            }

            return at - index;
        }
    }
}
