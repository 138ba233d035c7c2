using System.Text.RegularExpressions;

namespace AppealBot.Hosting;

/// <summary>
/// A setting whose value cannot be converted to its type (<c>Reminders__DayTime=25:00</c>, <c>Bot__MaxConcurrentUsers=lots</c>):
/// the configuration binder's exception, turned into one line naming the key and the form it expects.
/// </summary>
internal static partial class UnreadableSetting
{
    public static bool TryDescribe(Exception exception, out string line)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && Shape().Match(e.Message) is { Success: true } match)
            {
                var key = match.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal);
                line = $"{key} cannot be read: it must be {Expected(match.Groups["type"].Value)}. Fix it or remove it to use the default (appsettings.example.json documents every setting).";
                return true;
            }
        }

        line = string.Empty;
        return false;
    }

    private static string Expected(string type) => type switch
    {
        "System.TimeSpan" => "a duration or time of day such as 10:00, 00:00:30 or 1.00:00:00 (days.hours:minutes:seconds; hours below 24)",
        "System.TimeOnly" => "a time of day such as 10:00 or 22:30",
        "System.Int32" or "System.Int64" or "System.Int32[]" or "System.Int64[]" => "a whole number",
        "System.Double" or "System.Decimal" => "a number such as 30 or 0.5",
        "System.Boolean" => "true or false",
        _ => $"a value of type {type.Replace("System.", string.Empty, StringComparison.Ordinal)}",
    };

    [GeneratedRegex("configuration value .*?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex Shape();
}
