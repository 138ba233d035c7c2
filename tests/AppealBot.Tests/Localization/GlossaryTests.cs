using System.Globalization;
using System.Text.RegularExpressions;
using AppealBot.Localization;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Localization;

/// <summary>The same thing is called the same way: no text uses a word the glossary bans for its language.</summary>
public sealed partial class GlossaryTests
{
    private static readonly Dictionary<string, Language> Sections = new()
    {
        ["English"] = Language.En,
        ["Русский"] = Language.Ru,
        ["Italiano"] = Language.It,
    };

    [Fact]
    public void The_glossary_has_a_section_with_banned_words_for_every_language()
    {
        var banned = Banned();

        Assert.Equal(Languages.All.Order(), banned.Keys.Order());
        Assert.All(banned, section => Assert.NotEmpty(section.Value));
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("it")]
    [InlineData("en")]
    public void No_text_uses_a_word_the_glossary_bans(string code)
    {
        var language = Languages.FromTelegramCode(code);
        var culture = language == Language.En ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(code);
        var texts = Localizer.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, System.Net.WebUtility.HtmlDecode((string)e.Value!)))
            .ToList();

        var found = (from word in Banned()[language]
                     from text in texts
                     where text.Item2.Contains(word, StringComparison.OrdinalIgnoreCase)
                     select $"{text.Item1}: «{word}»").ToList();

        Assert.True(found.Count == 0, "Words the glossary bans:\n" + string.Join("\n", found));
    }

    /// <summary>The "never" column of each language's table: the words in backticks.</summary>
    private static Dictionary<Language, List<string>> Banned()
    {
        var path = Path.Combine(Repository.Root, "src", "AppealBot", "Localization", "Glossary.md");
        var banned = new Dictionary<Language, List<string>>();
        List<string>? current = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = Sections.TryGetValue(line[3..].Trim(), out var language) ? banned[language] = [] : null;
            }
            else if (current is not null && line.StartsWith('|') && line.Split('|') is { Length: >= 5 } cells)
            {
                current.AddRange(Quoted().Matches(cells[3]).Select(m => m.Groups[1].Value));
            }
        }

        return banned;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();
}
