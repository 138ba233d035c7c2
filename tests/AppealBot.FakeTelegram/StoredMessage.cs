using Telegram.Bot.Types;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>The server-side state of one message the bot sent; <paramref name="file"/> for a document or photo, whose caption is the text.</summary>
internal sealed class StoredMessage(int id, DateTime date, MessageText text, InlineKeyboard keyboard, SentFile? file = null)
{
    public SentFile? File { get; } = file;

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

    public BotMessage Snapshot(long chatId) => new(Id, chatId, Text.Plain, Text.Raw, Keyboard.Buttons, EditCount, File);

    public Message ToTelegram(Chat chat, User bot) => new()
    {
        Id = Id,
        Date = Date,
        EditDate = EditDate,
        Chat = chat,
        From = bot,
        Text = File is null ? Text.Plain : null,
        Caption = File is not null && Text.Plain.Length > 0 ? Text.Plain : null,
        Document = File is { Kind: "document" } document
            ? new Document { FileId = document.FileId, FileUniqueId = "u" + document.FileId, FileName = document.FileName, MimeType = document.MimeType, FileSize = document.Content.LongLength }
            : null,
        Photo = File is { Kind: "photo" } photo
            ? [new PhotoSize { FileId = photo.FileId, FileUniqueId = "u" + photo.FileId, FileSize = photo.Content.LongLength }]
            : null,
        ReplyMarkup = Keyboard.Markup,
    };
}
