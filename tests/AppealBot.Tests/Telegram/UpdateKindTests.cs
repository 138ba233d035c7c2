using AppealBot.Localization;
using AppealBot.Tests.TestKit;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Tests.Telegram;

public sealed class UpdateKindTests : BotTests
{

    [Fact]
    public async Task A_voice_message_gets_an_answer_about_voice_and_a_sticker_a_friendly_one()
    {
        var user = Bot.User(9201, "ru");

        var voice = await Deliver(user.User, user.Chat, m => m.Voice = new Voice { FileId = "v1", FileUniqueId = "v1u", Duration = 3 });
        var sticker = await Deliver(user.User, user.Chat, m => m.Sticker = new Sticker { FileId = "s1", FileUniqueId = "s1u", Type = StickerType.Regular, Width = 1, Height = 1 });

        Assert.Equal(Texts.Plain(Language.Ru, "input.unsupported.Voice"), voice.Single());
        Assert.Equal(Texts.Plain(Language.Ru, "input.unsupported.Sticker"), sticker.Single());
    }

    [Fact]
    public async Task An_edited_message_is_answered_with_a_hint_and_changes_nothing()
    {
        var buyer = Buyer.Of(Bot, 9202, Language.It);
        await buyer.Send("/new");
        var before = buyer.User.Messages.Count;

        var updateId = Bot.Server.EnqueueUpdate(id => new Update
        {
            EditedMessage = new Message { Id = 1, From = buyer.User.User, Chat = buyer.User.Chat, Date = DateTime.UtcNow, EditDate = DateTime.UtcNow, Text = "8123456789012345" },
        });
        await Bot.Server.WaitUntilAnsweredAsync(updateId);

        Assert.Equal(before + 1, buyer.User.Messages.Count);
        Assert.Equal(buyer.Label("input.edited"), buyer.User.LastMessage.Text);
        Assert.Equal(["OrderNumber"], await Bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 9202"));
    }

    [Fact]
    public async Task Blocking_the_bot_in_Telegram_is_remembered_silently_and_start_undoes_it()
    {
        var buyer = Buyer.Of(Bot, 9203, Language.En);
        await buyer.Send("/start");

        var blocked = Bot.Server.EnqueueUpdate(id => new Update
        {
            MyChatMember = new ChatMemberUpdated
            {
                Chat = buyer.User.Chat,
                From = buyer.User.User,
                Date = DateTime.UtcNow,
                OldChatMember = new ChatMemberMember { User = Bot.Server.Bot },
                NewChatMember = new ChatMemberBanned { User = Bot.Server.Bot },
            },
        });
        await Bot.Server.WaitUntilAnsweredAsync(blocked);
        Assert.Equal([true], await Bot.QueryAsync<bool>("SELECT blocked_at IS NOT NULL FROM users WHERE id = 9203"));

        await buyer.Send("/start");
        Assert.Equal([false], await Bot.QueryAsync<bool>("SELECT blocked_at IS NOT NULL FROM users WHERE id = 9203"));
    }

    [Fact]
    public async Task A_press_on_a_message_Telegram_no_longer_shows_is_still_answered()
    {
        var user = Bot.User(9204, "en");
        await user.SendAsync("/start");
        var queryId = $"old-{Guid.NewGuid():N}";

        var updateId = Bot.Server.EnqueueUpdate(id => new Update
        {
            CallbackQuery = new CallbackQuery { Id = queryId, From = user.User, ChatInstance = "x", Data = "new" },
        });
        await Bot.Server.WaitUntilAnsweredAsync(updateId);

        Assert.Contains(Bot.Server.CallsTo("answerCallbackQuery"), c => c.Body.GetProperty("callback_query_id").GetString() == queryId);
        Assert.Contains("order number", user.LastMessage.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_a_group_the_bot_says_once_that_it_works_in_private_chats_then_stays_quiet()
    {
        var group = new Chat { Id = -100500, Type = ChatType.Supergroup, Title = "AliExpress buyers" };
        var first = Bot.User(9205, "it").User;
        var second = Bot.User(9206, "ru").User;

        var told = await Deliver(first, group, m => m.Text = "/start@AppealTestBot");
        var quiet = await Deliver(second, group, m => m.Text = "/help");
        var stillQuiet = await Deliver(first, group, m => m.Text = "ciao bot");

        Assert.Equal([Texts.Plain(Language.It, "input.group")], told);
        Assert.Empty(quiet);
        Assert.Empty(stillQuiet);
        Assert.Empty(await Bot.QueryAsync<long>("SELECT id FROM users WHERE id IN (9205, 9206)"));
    }

    private async Task<IReadOnlyList<string>> Deliver(User from, Chat chat, Action<Message> fill)
    {
        var before = Bot.Server.MessagesIn(chat.Id).Count;
        var updateId = Bot.Server.EnqueueUpdate(id =>
        {
            var message = new Message { Id = id, From = from, Chat = chat, Date = DateTime.UtcNow };
            fill(message);
            return new Update { Message = message };
        });
        await Bot.Server.WaitUntilAnsweredAsync(updateId);
        return [.. Bot.Server.MessagesIn(chat.Id).Skip(before).Select(m => m.Text)];
    }
}
