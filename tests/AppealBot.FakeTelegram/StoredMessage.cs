using Telegram.Bot.Types;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>The server-side state of one message the bot sent.</summary>
internal sealed class StoredMessage(int id, DateTime date, MessageText text, InlineKeyboard keyboard)
{
    public int Id { get; } = id;

    public DateTime Date { get; } = date;

    public MessageText Text { get; private set; } = text;

    public InlineKeyboard Keyboard { get; private set; } = keyboard;

    public int EditCount { get; private set; }

    public DateTime? EditDate { get; private set; }

    public bool SameContentAs(MessageText text, InlineKeyboard keyboard) =>
        Text == text && Keyboard.Json == keyboard.Json;

    public void Edit(MessageText text, InlineKeyboard keyboard, DateTime at)
    {
        Text = text;
        Keyboard = keyboard;
        EditCount++;
        EditDate = at;
    }

    public BotMessage Snapshot(long chatId) => new(Id, chatId, Text.Plain, Text.Raw, Keyboard.Buttons, EditCount);

    public Message ToTelegram(Chat chat, User bot) => new()
    {
        Id = Id,
        Date = Date,
        EditDate = EditDate,
        Chat = chat,
        From = bot,
        Text = Text.Plain,
        ReplyMarkup = Keyboard.Markup,
    };
}
