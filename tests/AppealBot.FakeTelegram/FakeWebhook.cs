namespace AppealBot.Tests.FakeTelegram;

/// <summary>What the bot registered with setWebhook: the public URL, the secret Telegram echoes, the update kinds.</summary>
public sealed record FakeWebhook(string Url, string? SecretToken, IReadOnlyList<string>? AllowedUpdates, bool DropPendingUpdates);
