using System.Text.RegularExpressions;
using AppealBot.Evidence;
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
        options.MaxConcurrentUsers is < 1 or > 256
            ? ValidateOptionsResult.Fail("Bot__MaxConcurrentUsers must be between 1 and 256.")
            : ValidateOptionsResult.Success;
}

internal sealed class CollageOptionsValidator : IValidateOptions<CollageOptions>
{
    public ValidateOptionsResult Validate(string? name, CollageOptions options)
    {
        List<string> problems = [];
        if (options.MaxAttachments is < 1 or > 10)
        {
            problems.Add("Collages__MaxAttachments must be between 1 and 10.");
        }

        if (options.MaxSide is < 640 or > 8192)
        {
            problems.Add("Collages__MaxSide must be between 640 and 8192 (pixels).");
        }

        // Bots may upload files up to 50 MB.
        if (options.MaxBytes is < 100_000 or > 50_000_000)
        {
            problems.Add("Collages__MaxBytes must be between 100000 and 50000000 (bytes).");
        }

        // The photos to leave out travel in a button's data as the bits of one number.
        if (options.MaxPhotos is < 1 or > 31)
        {
            problems.Add("Collages__MaxPhotos must be between 1 and 31.");
        }

        if (options.MinCellSide < 50 || options.MinCellSide > options.MaxSide / 2)
        {
            problems.Add("Collages__MinCellSide must be at least 50 and at most half of Collages__MaxSide (pixels).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
