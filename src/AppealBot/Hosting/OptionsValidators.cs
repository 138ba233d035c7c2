using System.Text.RegularExpressions;
using AppealBot.Conversation;
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

        if (options.MaxOwedPerChat is < 1 or > 1000)
        {
            return ValidateOptionsResult.Fail("Telegram__MaxOwedPerChat must be between 1 and 1000.");
        }

        if (options.ReplyLifetime < TimeSpan.FromMinutes(1) || options.ReplyLifetime > TimeSpan.FromDays(2))
        {
            return ValidateOptionsResult.Fail("Telegram__ReplyLifetime must be between 00:01:00 and 2.00:00:00 (Telegram lets a message be edited for 48 hours).");
        }

        if (options.RetryFirstDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryFirstDelay || options.RetryMaxDelay > TimeSpan.FromMinutes(10))
        {
            return ValidateOptionsResult.Fail("Telegram__RetryFirstDelay must be above 0 and Telegram__RetryMaxDelay between it and 00:10:00.");
        }

        if (options.ShutdownDrain < TimeSpan.Zero || options.ShutdownDrain > TimeSpan.FromMinutes(2))
        {
            return ValidateOptionsResult.Fail("Telegram__ShutdownDrain must be between 00:00:00 and 00:02:00 (systemd's TimeoutStopSec must be longer).");
        }

        return ValidateWebhook(options);
    }

    private static ValidateOptionsResult ValidateWebhook(TelegramOptions options)
    {
        if (options.UsesWebhook
            && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
                || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0 || !WebhookPathShape().IsMatch(url.AbsolutePath)))
        {
            return ValidateOptionsResult.Fail(
                "Telegram__WebhookUrl must be the public https URL Telegram posts updates to, such as https://bot.example.com/telegram/<random>, with only letters, digits and / - _ . ~ in its path (leave it empty to long-poll).");
        }

        // The secret is never echoed: the message says what shape it needs, not what was given.
        var hasSecret = !string.IsNullOrEmpty(options.WebhookSecret);
        if (options.UsesWebhook && !hasSecret)
        {
            return ValidateOptionsResult.Fail(
                "Telegram__WebhookSecret is required when Telegram__WebhookUrl is set: 1-256 characters of A-Z, a-z, 0-9, _ and - (generate one with: openssl rand -hex 32).");
        }

        if (hasSecret && !SecretShape().IsMatch(options.WebhookSecret!))
        {
            return ValidateOptionsResult.Fail(
                "Telegram__WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and - (generate one with: openssl rand -hex 32).");
        }

        if (!ListenAddress.IsValid(options.WebhookListen))
        {
            return ValidateOptionsResult.Fail(
                $"Telegram__WebhookListen must be a local http address to listen on, such as {ListenAddress.Example} (http://0.0.0.0:8080 in a container).");
        }

        return options.WebhookMaxBodyBytes is < 1024 or > 16 * 1024 * 1024
            ? ValidateOptionsResult.Fail("Telegram__WebhookMaxBodyBytes must be between 1024 and 16777216 (Telegram's updates are a few kilobytes).")
            : ValidateOptionsResult.Success;
    }

    [GeneratedRegex(@"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex TokenShape();

    /// <summary>What Telegram accepts in X-Telegram-Bot-Api-Secret-Token.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    /// <summary>Plain path characters only, so the local route matches the public path exactly.</summary>
    [GeneratedRegex("^/[A-Za-z0-9/._~-]*$")]
    private static partial Regex WebhookPathShape();
}

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        string.IsNullOrWhiteSpace(options.Listen) || ListenAddress.IsValid(options.Listen)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Health__Listen must be a local http address such as http://127.0.0.1:8081, or empty for no health endpoints.");
}

/// <summary>An address Kestrel can listen on without a certificate: http, a host or IP, a port, no path.</summary>
internal static class ListenAddress
{
    public const string Example = "http://127.0.0.1:8080";

    public static bool IsValid(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
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

        if (options.MaxVideoMegabytes is < 1 or > 100_000)
        {
            problems.Add("Collages__MaxVideoMegabytes must be between 1 and 100000.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

internal sealed class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadlineOptions options)
    {
        var windows = new (string Key, TimeSpan Value)[]
        {
            ("AppealWindow", options.AppealWindow), ("BuyerProtection", options.BuyerProtection), ("PayPalDispute", options.PayPalDispute),
            ("PayPalNotAsDescribedItaly", options.PayPalNotAsDescribedItaly), ("PayPalEscalation", options.PayPalEscalation),
            ("CardChargeback", options.CardChargeback), ("RemindBefore", options.RemindBefore),
        };
        var wrong = windows.Where(w => w.Value < TimeSpan.FromDays(1) || w.Value > TimeSpan.FromDays(3650) || w.Value.Ticks % TimeSpan.TicksPerDay != 0)
            .Select(w => $"Deadlines__{w.Key}")
            .ToList();
        if (wrong.Count > 0)
        {
            return ValidateOptionsResult.Fail($"{string.Join(", ", wrong)} must be a whole number of days between 1 and 3650 (d.00:00:00).");
        }

        return options.LegalGuaranteeYears is < 1 or > 10 || options.DefectNoticeMonths is < 1 or > 24
            ? ValidateOptionsResult.Fail("Deadlines__LegalGuaranteeYears must be between 1 and 10 and Deadlines__DefectNoticeMonths between 1 and 24.")
            : ValidateOptionsResult.Success;
    }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Provider.Equals(StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase)
        || options.Provider.Equals(StorageOptions.PostgreSql, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Storage__Provider must be Sqlite (the default) or PostgreSql.");
}
