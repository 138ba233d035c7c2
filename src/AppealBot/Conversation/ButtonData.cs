using System.Globalization;
using AppealBot.Localization;

namespace AppealBot.Conversation;

/// <summary>
/// Builds and reads inline buttons' callback data. Data is compact ASCII (Telegram allows 64 bytes),
/// never carries user text, and names the step it was made for, so a button from an earlier step
/// (or pressed twice) is recognised as stale instead of acting on the wrong step.
/// </summary>
internal static class ButtonData
{
    private const string LanguagePrefix = "lang:";
    private const string CasePrefix = "s:";
    private const string OpenPrefix = "open:";

    private const string ZonePrefix = "tz:";

    public const string NewCase = "new";
    public const string CaseList = "cases";
    public const string ChangeZone = "set:tz";
    public const string ToggleNudges = "set:nudges";
    public const string ForgetConfirmed = "forget:yes";
    public const string ForgetCancelled = "forget:no";

    public static string Zone(int index) => ZonePrefix + index.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseZone(string data, out int index)
    {
        index = -1;
        return data.StartsWith(ZonePrefix, StringComparison.Ordinal)
            && int.TryParse(data.AsSpan(ZonePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index < UserTimeZones.Offered.Count;
    }

    public static string Language(Language language) => LanguagePrefix + language.Code();

    public static string Open(long caseId) => OpenPrefix + caseId.ToString(CultureInfo.InvariantCulture);

    public static string ForCase(Case @case, string action, int? argument = null) => ForCase(@case.Id, @case.Step, action, argument, @case.Position);

    /// <summary>
    /// A case button for the step (and the question within it, <paramref name="position"/>) it is shown at; also made
    /// outside the flow (after collages were made), from the case's id and the step it was at.
    /// </summary>
    public static string ForCase(long caseId, CaseStep step, string action, int? argument = null, int position = 0) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{CasePrefix}{caseId}:{(int)step}{(position != 0 ? "." + position.ToString(CultureInfo.InvariantCulture) : "")}:{action}{(argument is { } a ? ":" + a.ToString(CultureInfo.InvariantCulture) : "")}");

    public static bool TryParseLanguage(string data, out Language language)
    {
        language = Localization.Language.En;
        return data.StartsWith(LanguagePrefix, StringComparison.Ordinal)
            && Languages.TryParse(data[LanguagePrefix.Length..], out language);
    }

    public static bool TryParseOpen(string data, out long caseId)
    {
        caseId = 0;
        return data.StartsWith(OpenPrefix, StringComparison.Ordinal)
            && long.TryParse(data.AsSpan(OpenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out caseId);
    }

    public static bool TryParseCase(string data, out CaseButton button)
    {
        button = default;
        if (!data.StartsWith(CasePrefix, StringComparison.Ordinal) || data.Length > 64)
        {
            return false;
        }

        var parts = data[CasePrefix.Length..].Split(':');
        if (parts.Length is < 3 or > 4
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var caseId)
            || !TryParseStep(parts[1], out var step, out var position)
            || parts[2].Length is 0 or > 8)
        {
            return false;
        }

        int? argument = null;
        if (parts.Length == 4)
        {
            if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            argument = value;
        }

        button = new CaseButton(caseId, step, parts[2], argument, position);
        return true;
    }

    /// <summary>"12" (a step) or "12.3" (the fourth question of step 12).</summary>
    private static bool TryParseStep(string token, out CaseStep step, out int position)
    {
        step = default;
        position = 0;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var stepPart = dot < 0 ? token : token[..dot];
        if (!int.TryParse(stepPart, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !Enum.IsDefined((CaseStep)number)
            || (dot >= 0 && !int.TryParse(token.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out position)))
        {
            return false;
        }

        step = (CaseStep)number;
        return true;
    }
}

/// <summary>A pressed case button: which case, the step (and question) it was shown at, the action and its optional number.</summary>
internal readonly record struct CaseButton(long CaseId, CaseStep Step, string Action, int? Argument, int Position = 0);
