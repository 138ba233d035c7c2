namespace AppealBot.Conversation.Input;

/// <summary>
/// Places people name when asked for their time zone, with the IANA zone of each: Russia's main cities for each of its
/// eleven zones (in Russian, declined, and in Latin letters), Italy, and the neighbours the bot's users live in.
/// Russian names are written in the nominative; <see cref="ZoneInput"/> reads their cases («в Новосибирске», «из Москвы»).
/// </summary>
internal static class ZoneCities
{
    public static IReadOnlyList<(string Zone, string[] Names)> All { get; } =
    [
        ("Europe/Kaliningrad", ["Калининград", "Kaliningrad"]),
        ("Europe/Moscow",
        [
            "Москва", "мск", "msk", "московский", "Moscow", "Moskva", "Moskau", "Mosca",
            "Санкт-Петербург", "Петербург", "Питер", "СПб", "Saint Petersburg", "St Petersburg", "Sankt-Peterburg", "San Pietroburgo",
            "Нижний Новгород", "Великий Новгород", "Новгород", "Казань", "Kazan", "Ростов-на-Дону", "Ростов", "Краснодар", "Krasnodar", "Воронеж",
            "Сочи", "Sochi", "Ярославль", "Тула", "Рязань", "Тверь", "Курск", "Белгород", "Липецк", "Брянск", "Смоленск", "Калуга",
            "Иваново", "Владимир", "Мурманск", "Архангельск", "Вологда", "Петрозаводск", "Псков", "Пенза", "Чебоксары", "Ставрополь",
            "Махачкала", "Грозный", "Нальчик", "Владикавказ", "Саранск", "Кострома", "Орёл", "Тамбов", "Симферополь", "Севастополь", "Крым",
        ]),
        ("Europe/Volgograd", ["Волгоград", "Volgograd"]),
        ("Europe/Kirov", ["Киров"]),
        ("Europe/Samara", ["Самара", "Samara", "Тольятти", "Ижевск", "Izhevsk"]),
        ("Europe/Ulyanovsk", ["Ульяновск"]),
        ("Europe/Saratov", ["Саратов", "Saratov"]),
        ("Europe/Astrakhan", ["Астрахань"]),
        ("Asia/Yekaterinburg",
        [
            "Екатеринбург", "Екб", "Yekaterinburg", "Ekaterinburg", "Челябинск", "Chelyabinsk", "Пермь", "Perm", "Уфа", "Ufa",
            "Тюмень", "Tyumen", "Оренбург", "Курган", "Сургут", "Магнитогорск", "Ханты-Мансийск",
        ]),
        ("Asia/Omsk", ["Омск", "Omsk"]),
        ("Asia/Novosibirsk", ["Новосибирск", "Новосиб", "Novosibirsk"]),
        ("Asia/Barnaul", ["Барнаул", "Barnaul"]),
        ("Asia/Tomsk", ["Томск", "Tomsk"]),
        ("Asia/Novokuznetsk", ["Кемерово", "Kemerovo", "Новокузнецк", "Novokuznetsk"]),
        ("Asia/Krasnoyarsk", ["Красноярск", "Krasnoyarsk", "Абакан", "Норильск", "Кызыл"]),
        ("Asia/Irkutsk", ["Иркутск", "Irkutsk", "Улан-Удэ", "Ulan-Ude", "Братск"]),
        ("Asia/Yakutsk", ["Якутск", "Yakutsk", "Якутия", "Благовещенск", "Blagoveshchensk"]),
        ("Asia/Chita", ["Чита", "Chita"]),
        ("Asia/Vladivostok", ["Владивосток", "Vladivostok", "Хабаровск", "Khabarovsk", "Комсомольск-на-Амуре", "Уссурийск", "Находка"]),
        ("Asia/Sakhalin", ["Южно-Сахалинск", "Сахалин", "Yuzhno-Sakhalinsk", "Sakhalin"]),
        ("Asia/Magadan", ["Магадан", "Magadan"]),
        ("Asia/Kamchatka", ["Камчатка", "Kamchatka", "Петропавловск-Камчатский", "Petropavlovsk-Kamchatsky", "Petropavlovsk-Kamchatskiy"]),
        ("Asia/Anadyr", ["Анадырь", "Чукотка", "Anadyr"]),
        ("Europe/Rome",
        [
            "Milano", "Roma", "Napoli", "Torino", "Palermo", "Genova", "Bologna", "Firenze", "Bari", "Catania", "Venezia", "Verona",
            "Messina", "Padova", "Trieste", "Brescia", "Parma", "Taranto", "Prato", "Modena", "Reggio Calabria", "Reggio Emilia",
            "Perugia", "Livorno", "Ravenna", "Cagliari", "Foggia", "Rimini", "Salerno", "Ferrara", "Sassari", "Latina", "Monza",
            "Siracusa", "Pescara", "Bergamo", "Trento", "Vicenza", "Bolzano", "Novara", "Piacenza", "Ancona", "Udine", "Lecce",
            "Como", "Pisa", "Sicilia", "Sardegna", "Italia", "Italy", "Milan", "Rome", "Naples", "Turin", "Florence", "Venice", "Genoa",
            "Италия", "Рим", "Милан", "Неаполь", "Турин", "Флоренция", "Венеция", "Генуя", "Болонья", "Сицилия",
        ]),
        ("Europe/Minsk", ["Минск", "Minsk", "Беларусь", "Белоруссия", "Belarus", "Гомель", "Брест", "Гродно", "Витебск", "Могилёв"]),
        ("Europe/Kyiv", ["Киев", "Київ", "Kyiv", "Kiev", "Украина", "Україна", "Ukraine", "Ucraina", "Харьков", "Одесса", "Днепр", "Львов"]),
        ("Asia/Almaty", ["Алматы", "Алма-Ата", "Almaty", "Астана", "Astana", "Казахстан", "Kazakhstan", "Караганда", "Шымкент"]),
        ("Asia/Tashkent", ["Ташкент", "Tashkent", "Toshkent", "Узбекистан", "Uzbekistan", "Самарканд"]),
        ("Asia/Tbilisi", ["Тбилиси", "Tbilisi", "Грузия", "Georgia", "Батуми", "Batumi"]),
        ("Asia/Yerevan", ["Ереван", "Yerevan", "Erevan", "Армения", "Armenia"]),
        ("Asia/Baku", ["Баку", "Baku", "Азербайджан", "Azerbaijan"]),
        ("Asia/Bishkek", ["Бишкек", "Bishkek", "Киргизия", "Кыргызстан", "Kyrgyzstan"]),
        ("Europe/Chisinau", ["Кишинёв", "Chișinău", "Chisinau", "Молдова", "Молдавия", "Moldova"]),
        ("Europe/Riga", ["Рига", "Riga", "Латвия", "Latvia", "Lettonia"]),
        ("Europe/Vilnius", ["Вильнюс", "Vilnius", "Литва", "Lithuania", "Lituania"]),
        ("Europe/Tallinn", ["Таллин", "Таллинн", "Tallinn", "Эстония", "Estonia"]),
        ("Europe/Warsaw", ["Варшава", "Warsaw", "Warszawa", "Varsavia", "Польша", "Poland", "Polonia"]),
        ("Europe/Prague", ["Прага", "Prague", "Praha", "Praga"]),
        ("Europe/Berlin", ["Берлин", "Berlin", "Berlino", "Германия", "Germany", "Germania", "Deutschland", "Мюнхен", "Munich", "Monaco di Baviera"]),
        ("Europe/Paris", ["Париж", "Paris", "Parigi", "Франция", "France", "Francia"]),
        ("Europe/Madrid", ["Мадрид", "Madrid", "Испания", "Spain", "Spagna"]),
        ("Europe/London", ["Лондон", "London", "Londra", "Англия", "England", "Inghilterra", "Великобритания", "UK"]),
        ("Europe/Istanbul", ["Стамбул", "Istanbul", "Turkey", "Турция", "Turchia", "Анкара"]),
        ("Asia/Dubai", ["Дубай", "Dubai", "ОАЭ", "UAE"]),
    ];
}
