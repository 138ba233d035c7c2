using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AppealBot.Hosting;

/// <summary>Checks the Telegram settings with messages an operator can act on, each naming the variable to fix.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            return ValidateOptionsResult.Fail(
                $"{TelegramOptions.TokenVariable} is not set: put the token from @BotFather into the environment variable {TelegramOptions.TokenVariable} (or try the bot without one: dotnet run --project src/AppealBot -- chat).");
        }

        if (!TokenShape().IsMatch(options.BotToken))
        {
            return ValidateOptionsResult.Fail(
                $"{TelegramOptions.TokenVariable} does not look like a bot token (digits, a colon, then letters, digits, '_' or '-'): copy it again from @BotFather.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail("Telegram__ApiBaseUrl must be an http(s) URL such as https://api.telegram.org.");
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            return ValidateOptionsResult.Fail("Telegram__PollTimeoutSeconds must be between 0 and 50.");
        }

        if (options.MessagesPerSecond > 0
            && (options.MessagesPerChatPerSecond <= 0 || options.ChatBurst < 1 || options.ReservedForReplies < 0
                || options.ReservedForReplies + 1 > options.MessagesPerSecond))
        {
            return ValidateOptionsResult.Fail(
                "Telegram__MessagesPerChatPerSecond must be above 0, Telegram__ChatBurst at least 1, and Telegram__ReservedForReplies between 0 and Telegram__MessagesPerSecond - 1.");
        }

        return ValidateOptionsResult.Success;
    }

    [GeneratedRegex(@"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex TokenShape();
}

internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) =>
        options.MaxConcurrentUsers is < 1 or > 256 ? ValidateOptionsResult.Fail("Bot__MaxConcurrentUsers must be between 1 and 256.")
        : options.RetentionDays is < 30 or > 3650 ? ValidateOptionsResult.Fail("Bot__RetentionDays must be between 30 and 3650.")
        : ValidateOptionsResult.Success;
}

internal sealed class ReminderOptionsValidator : IValidateOptions<Reminders.ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, Reminders.ReminderOptions options)
    {
        if (options.CheckBackAfter <= TimeSpan.Zero || options.FoldAfter <= TimeSpan.Zero || options.ClaimLease <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Reminders__CheckBackAfter, Reminders__FoldAfter and Reminders__ClaimLease must be positive durations (d.hh:mm:ss).");
        }

        if (options.NudgeAfter < TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Reminders__NudgeAfter must be zero (no nudges) or a positive duration.");
        }

        return options.BatchSize is < 1 or > 10_000
            ? ValidateOptionsResult.Fail("Reminders__BatchSize must be between 1 and 10000.")
            : ValidateOptionsResult.Success;
    }
}
