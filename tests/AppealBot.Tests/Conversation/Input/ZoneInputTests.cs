using AppealBot.Conversation;
using AppealBot.Conversation.Input;

namespace AppealBot.Tests.Conversation.Input;

/// <summary>What people type after /timezone, per language: a place (in any case) or an offset.</summary>
public sealed class ZoneInputTests
{
    private static readonly DateTimeOffset Winter = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    // Russia's eleven zones, one main city each, then the cities sharing a zone's clock.
    [InlineData("Калининград", "Europe/Kaliningrad", "Europe/Kaliningrad")]
    [InlineData("Москва", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("москва", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("мск", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("МСК", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("по Москве", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("я из Москвы", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("московское время", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Самара", "Europe/Samara", "Europe/Samara")]
    [InlineData("в Самаре", "Europe/Samara", "Europe/Samara")]
    [InlineData("Екатеринбург", "Asia/Yekaterinburg", "Asia/Yekaterinburg")]
    [InlineData("в Екатеринбурге", "Asia/Yekaterinburg", "Asia/Yekaterinburg")]
    [InlineData("Омск", "Asia/Omsk", "Asia/Omsk")]
    [InlineData("Новосибирск", "Asia/Krasnoyarsk", "Asia/Novosibirsk")]
    [InlineData("в Новосибирске", "Asia/Krasnoyarsk", "Asia/Novosibirsk")]
    [InlineData("живу в новосибирске", "Asia/Krasnoyarsk", "Asia/Novosibirsk")]
    [InlineData("Красноярск", "Asia/Krasnoyarsk", "Asia/Krasnoyarsk")]
    [InlineData("Иркутск", "Asia/Irkutsk", "Asia/Irkutsk")]
    [InlineData("Якутск", "Asia/Yakutsk", "Asia/Yakutsk")]
    [InlineData("Владивосток", "Asia/Vladivostok", "Asia/Vladivostok")]
    [InlineData("во Владивостоке", "Asia/Vladivostok", "Asia/Vladivostok")]
    [InlineData("Магадан", "Asia/Magadan", "Asia/Magadan")]
    [InlineData("Камчатка", "Asia/Kamchatka", "Asia/Kamchatka")]
    [InlineData("на Камчатке", "Asia/Kamchatka", "Asia/Kamchatka")]
    [InlineData("Петропавловск-Камчатский", "Asia/Kamchatka", "Asia/Kamchatka")]
    [InlineData("в Петропавловске-Камчатском", "Asia/Kamchatka", "Asia/Kamchatka")]
    [InlineData("Санкт-Петербург", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("в Санкт-Петербурге", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Питер", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("СПб", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("в Нижнем Новгороде", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Ростов-на-Дону", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("в Перми", "Asia/Yekaterinburg", "Asia/Yekaterinburg")]
    [InlineData("Уфа", "Asia/Yekaterinburg", "Asia/Yekaterinburg")]
    [InlineData("Челябинск", "Asia/Yekaterinburg", "Asia/Yekaterinburg")]
    [InlineData("Хабаровск", "Asia/Vladivostok", "Asia/Vladivostok")]
    [InlineData("в Хабаровске", "Asia/Vladivostok", "Asia/Vladivostok")]
    [InlineData("Улан-Удэ", "Asia/Irkutsk", "Asia/Irkutsk")]
    [InlineData("в Чебоксарах", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Орёл", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Орел", "Europe/Moscow", "Europe/Moscow")]
    // Neighbours, in Russian.
    [InlineData("Минск", "Europe/Minsk", "Europe/Minsk")]
    [InlineData("в Минске", "Europe/Minsk", "Europe/Minsk")]
    [InlineData("Киев", "Europe/Kyiv", "Europe/Kyiv")]
    [InlineData("в Киеве", "Europe/Kyiv", "Europe/Kyiv")]
    [InlineData("Алматы", "Asia/Almaty", "Asia/Almaty")]
    [InlineData("Алма-Ата", "Asia/Almaty", "Asia/Almaty")]
    [InlineData("Ташкент", "Asia/Yekaterinburg", "Asia/Tashkent")]
    [InlineData("Тбилиси", "Europe/Samara", "Asia/Tbilisi")]
    [InlineData("Ереван", "Europe/Samara", "Asia/Yerevan")]
    [InlineData("Кишинёв", "Europe/Kyiv", "Europe/Chisinau")]
    [InlineData("в Кишиневе", "Europe/Kyiv", "Europe/Chisinau")]
    [InlineData("Рига", "Europe/Kyiv", "Europe/Riga")]
    [InlineData("в Риге", "Europe/Kyiv", "Europe/Riga")]
    [InlineData("Берлин", "Europe/Rome", "Europe/Berlin")]
    [InlineData("Лондон", "Europe/London", "Europe/London")]
    [InlineData("в Италии", "Europe/Rome", "Europe/Rome")]
    [InlineData("в Милане", "Europe/Rome", "Europe/Rome")]
    public void Russian_places(string text, string zone, string place) => Check(text, zone, ZoneSource.City, place);

    [Theory]
    [InlineData("Milano", "Europe/Rome", "Europe/Rome")]
    [InlineData("milano", "Europe/Rome", "Europe/Rome")]
    [InlineData("sono a Milano", "Europe/Rome", "Europe/Rome")]
    [InlineData("Roma", "Europe/Rome", "Europe/Rome")]
    [InlineData("Napoli", "Europe/Rome", "Europe/Rome")]
    [InlineData("Torino", "Europe/Rome", "Europe/Rome")]
    [InlineData("vivo a Reggio Emilia", "Europe/Rome", "Europe/Rome")]
    [InlineData("Italia", "Europe/Rome", "Europe/Rome")]
    [InlineData("Mosca", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("San Pietroburgo", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Londra", "Europe/London", "Europe/London")]
    [InlineData("Berlino", "Europe/Rome", "Europe/Berlin")]
    [InlineData("Chișinău", "Europe/Kyiv", "Europe/Chisinau")]
    [InlineData("Chisinau", "Europe/Kyiv", "Europe/Chisinau")]
    public void Italian_places(string text, string zone, string place) => Check(text, zone, ZoneSource.City, place);

    [Theory]
    [InlineData("Novosibirsk", "Asia/Krasnoyarsk", "Asia/Novosibirsk")]
    [InlineData("Moscow", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("I live in Moscow", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Saint Petersburg", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("St. Petersburg", "Europe/Moscow", "Europe/Moscow")]
    [InlineData("Yekaterinburg", "Asia/Yekaterinburg", "Asia/Yekaterinburg")]
    [InlineData("Vladivostok", "Asia/Vladivostok", "Asia/Vladivostok")]
    [InlineData("Petropavlovsk-Kamchatsky", "Asia/Kamchatka", "Asia/Kamchatka")]
    [InlineData("Kaliningrad", "Europe/Kaliningrad", "Europe/Kaliningrad")]
    [InlineData("Minsk", "Europe/Minsk", "Europe/Minsk")]
    [InlineData("Kyiv", "Europe/Kyiv", "Europe/Kyiv")]
    [InlineData("Kiev", "Europe/Kyiv", "Europe/Kyiv")]
    [InlineData("Almaty", "Asia/Almaty", "Asia/Almaty")]
    [InlineData("Tashkent", "Asia/Yekaterinburg", "Asia/Tashkent")]
    [InlineData("Tbilisi", "Europe/Samara", "Asia/Tbilisi")]
    [InlineData("Yerevan", "Europe/Samara", "Asia/Yerevan")]
    [InlineData("Riga", "Europe/Kyiv", "Europe/Riga")]
    [InlineData("Berlin", "Europe/Rome", "Europe/Berlin")]
    [InlineData("London", "Europe/London", "Europe/London")]
    [InlineData("Milan", "Europe/Rome", "Europe/Rome")]
    public void English_places(string text, string zone, string place) => Check(text, zone, ZoneSource.City, place);

    [Theory]
    [InlineData("UTC+7", "Asia/Krasnoyarsk")]
    [InlineData("utc+7", "Asia/Krasnoyarsk")]
    [InlineData("UTC +7", "Asia/Krasnoyarsk")]
    [InlineData("UTC+07:00", "Asia/Krasnoyarsk")]
    [InlineData("GMT+3", "Europe/Moscow")]
    [InlineData("+3", "Europe/Moscow")]
    [InlineData("+03:00", "Europe/Moscow")]
    [InlineData("UTC 3", "Europe/Moscow")]
    [InlineData("utc-5", "Etc/GMT+5")]
    [InlineData("UTC−5", "Etc/GMT+5")]
    [InlineData("-5", "Etc/GMT+5")]
    [InlineData("GMT-3", "Etc/GMT+3")]
    [InlineData("UTC+2", "Europe/Kaliningrad")]
    [InlineData("UTC+1", "Europe/Rome")]
    [InlineData("GMT+1", "Europe/Rome")]
    [InlineData("UTC+12", "Asia/Kamchatka")]
    [InlineData("UTC+14", "Etc/GMT-14")]
    [InlineData("UTC-12", "Etc/GMT+12")]
    [InlineData("UTC", "UTC")]
    [InlineData("GMT", "UTC")]
    [InlineData("UTC+0", "UTC")]
    [InlineData("UTC+5:30", "Asia/Kolkata")]
    [InlineData("+0530", "Asia/Kolkata")]
    [InlineData("UTC+5:45", "Asia/Kathmandu")]
    [InlineData("МСК+4", "Asia/Krasnoyarsk")]
    [InlineData("мск+4", "Asia/Krasnoyarsk")]
    [InlineData("МСК +7", "Asia/Vladivostok")]
    [InlineData("МСК-1", "Europe/Kaliningrad")]
    [InlineData("МСК+0", "Europe/Moscow")]
    [InlineData("msk+2", "Asia/Yekaterinburg")]
    [InlineData("у меня UTC+7", "Asia/Krasnoyarsk")]
    public void Offsets(string text, string zone)
    {
        foreach (var now in new[] { Winter, Summer })
        {
            Assert.True(ZoneInput.TryRead(text, now, out var reading), text);
            Assert.Equal((zone, ZoneSource.Offset, (string?)null), (reading.ZoneId, reading.Source, reading.PlaceZoneId));
        }
    }

    [Theory]
    [InlineData("Новосибирск UTC+7", "Asia/Krasnoyarsk")]
    [InlineData("Москва (UTC+3)", "Europe/Moscow")]
    [InlineData("Milano, UTC+1", "Europe/Rome")]
    public void A_place_and_its_offset_agree(string text, string zone)
    {
        Assert.True(ZoneInput.TryRead(text, Winter, out var reading), text);
        Assert.Equal(zone, reading.ZoneId);
    }

    [Theory]
    [InlineData(null, "nothing")]
    [InlineData("", "nothing")]
    [InlineData("   ", "only spaces")]
    [InlineData("да", "not a place")]
    [InlineData("где-то в Сибири", "a region with many zones")]
    [InlineData("Россия", "a country with eleven zones")]
    [InlineData("Москва или Новосибирск", "two zones")]
    [InlineData("Новосибирск UTC+3", "a place and an offset that disagree")]
    [InlineData("UTC+15", "no such offset")]
    [InlineData("UTC-13", "no such offset")]
    [InlineData("UTC+5:20", "no zone has it")]
    [InlineData("UTC+3:30:00", "seconds")]
    [InlineData("+7 912 345-67-89", "a phone number")]
    [InlineData("7", "a number without a sign or UTC")]
    [InlineData("UTC+", "a sign without hours")]
    [InlineData("8123456789012345", "an order number")]
    [InlineData("вчера", "a date")]
    public void Rejects(string? text, string reason) => Assert.False(ZoneInput.TryRead(text, Winter, out _), reason);

    private static void Check(string text, string zone, ZoneSource source, string place)
    {
        foreach (var now in new[] { Winter, Summer })
        {
            Assert.True(ZoneInput.TryRead(text, now, out var reading), text);
            Assert.Equal((zone, source, place), (reading.ZoneId, reading.Source, reading.PlaceZoneId));
            Assert.NotNull(UserTimeZones.Find(reading.ZoneId));
        }
    }
}
