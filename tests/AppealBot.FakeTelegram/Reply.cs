namespace AppealBot.Tests.FakeTelegram;

/// <summary>What the bot did in one chat while handling one update from a <see cref="FakeUser"/>.</summary>
public sealed class Reply
{
    internal Reply(IReadOnlyList<MessageOperation> operations, CallbackAnswer? callbackAnswer)
    {
        Operations = operations;
        CallbackAnswer = callbackAnswer;
        Messages = CollapseToLatestStates(operations);
    }

    /// <summary>Every send, edit and delete in order.</summary>
    public IReadOnlyList<MessageOperation> Operations { get; }

    /// <summary>Each touched message once, in its latest state, ordered by when it was last touched; deleted ones are left out.</summary>
    public IReadOnlyList<BotMessage> Messages { get; }

    public CallbackAnswer? CallbackAnswer { get; }

    public string? CallbackAnswerText => CallbackAnswer?.Text;

    public BotMessage Last => Messages.Count > 0
        ? Messages[^1]
        : throw new InvalidOperationException("The bot neither sent nor edited a message in this chat while handling the update.");

    public string Text => string.Join("\n\n", Messages.Select(message => message.Text));

    public IReadOnlyList<string> ButtonTexts => Last.ButtonTexts;

    public override string ToString() =>
        Messages.Count == 0 ? "(no messages)" : string.Join("\n---\n", Messages.Select(Describe));

    private static string Describe(BotMessage message) =>
        message.Buttons.Count == 0 ? message.Text : $"{message.Text}\n[{string.Join("] [", message.ButtonTexts)}]";

    private static List<BotMessage> CollapseToLatestStates(IReadOnlyList<MessageOperation> operations)
    {
        var latest = new List<BotMessage>();
        foreach (var operation in operations)
        {
            latest.RemoveAll(message => message.Id == operation.Message.Id);
            if (operation.Kind != MessageOperationKind.Deleted)
            {
                latest.Add(operation.Message);
            }
        }

        return latest;
    }
}
