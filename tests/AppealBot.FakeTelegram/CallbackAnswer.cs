namespace AppealBot.Tests.FakeTelegram;

public sealed record CallbackAnswer(string QueryId, string? Text, bool ShowAlert);
