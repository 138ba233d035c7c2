using System.Net;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AppealBot.Tests.FakeTelegram;

public sealed class FakeTelegramServerTests : IAsyncLifetime
{
    private const long ChatId = 42;

    private FakeTelegramServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl));
        _server.User(ChatId);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetMe_returns_the_bot_user()
    {
        var me = await _bot.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("AppealTestBot", me.Username);
        Assert.Equal("getMe", Assert.Single(_server.Calls).Method);
    }

    [Fact]
    public async Task While_a_webhook_is_set_getUpdates_is_refused_until_it_is_deleted()
    {
        await _bot.SetWebhook("https://bot.example.test/telegram/hook", allowedUpdates: [UpdateType.Message], secretToken: "s3cret");

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetUpdates());
        Assert.Equal(409, refused.ErrorCode);
        Assert.Contains("webhook is active", refused.Message, StringComparison.Ordinal);
        Assert.Equal("s3cret", _server.Webhook!.SecretToken);
        Assert.Equal(["message"], _server.Webhook.AllowedUpdates);
        Assert.Equal("https://bot.example.test/telegram/hook", (await _bot.GetWebhookInfo()).Url);

        await _bot.DeleteWebhook();

        Assert.Null(_server.Webhook);
        Assert.Empty(await _bot.GetUpdates());
    }

    [Theory]
    [InlineData("http://bot.example.test/hook", "HTTPS URL must be provided")]
    [InlineData("https://bot.example.test:8444/hook", "only on ports 80, 88, 443 or 8443")]
    public async Task SetWebhook_refuses_what_Telegram_refuses(string url, string error)
    {
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SetWebhook(url));

        Assert.Equal(400, refused.ErrorCode);
        Assert.Contains(error, refused.Message, StringComparison.Ordinal);
        Assert.Null(_server.Webhook);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("999:wrong-token", _server.BaseUrl));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());

        Assert.Equal(401, error.ErrorCode);
    }

    [Fact]
    public async Task A_registered_file_is_found_with_getFile_and_downloaded_from_the_file_endpoint()
    {
        byte[] content = [1, 2, 3, 4, 5];
        var registered = _server.AddFile(content, "image/jpeg");

        var file = await _bot.GetFile(registered.FileId);
        using var downloaded = new MemoryStream();
        await _bot.DownloadFile(file.FilePath!, downloaded);

        Assert.Equal((registered.FileUniqueId, 5L), (file.FileUniqueId, file.FileSize));
        Assert.Equal(content, downloaded.ToArray());
        Assert.Equal(file.FilePath, _server.CallsTo("downloadFile").Single().Body.GetProperty("file_path").GetString());
    }

    [Fact]
    public async Task GetFile_refuses_unknown_ids_and_files_over_twenty_megabytes_like_the_real_server()
    {
        var huge = _server.AddFile([1], "image/jpeg", reportedSize: 21L * 1024 * 1024);

        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile("no-such-file"));
        var tooBig = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile(huge.FileId));

        Assert.Equal((400, "Bad Request: invalid file_id"), (unknown.ErrorCode, unknown.Message));
        Assert.Equal((400, "Bad Request: file is too big"), (tooBig.ErrorCode, tooBig.Message));
    }

    [Fact]
    public async Task SendDocument_records_the_uploaded_bytes_file_name_and_caption()
    {
        byte[] content = [0xFF, 0xD8, 0xFF, 0xD9];
        using var stream = new MemoryStream(content);

        var sent = await _bot.SendDocument(ChatId, InputFile.FromStream(stream, "collage-1.jpg"), caption: "<b>Photos</b> 1–4", parseMode: ParseMode.Html);

        var message = Assert.Single(_server.MessagesIn(ChatId));
        Assert.Equal("Photos 1–4", message.Text);
        Assert.Equal(("document", "collage-1.jpg"), (message.File!.Kind, message.File.FileName));
        Assert.Equal(content, message.File.Content);
        Assert.Equal("collage-1.jpg", sent.Document?.FileName);
        Assert.Equal("Photos 1–4", sent.Caption);

        // A document has no text to edit.
        var edit = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(ChatId, sent.Id, "text"));
        Assert.Equal("Bad Request: there is no text in the message to edit", edit.Message);
    }

    [Fact]
    public async Task SendPhoto_uploads_and_a_known_file_id_can_be_sent_again()
    {
        using var stream = new MemoryStream([1, 2, 3]);
        var photo = await _bot.SendPhoto(ChatId, InputFile.FromStream(stream, "p.jpg"));
        var again = await _bot.SendDocument(ChatId, InputFile.FromFileId(_server.AddFile([9, 9], "image/png").FileId));

        Assert.NotNull(photo.Photo);
        Assert.Equal([1, 2, 3], _server.MessagesIn(ChatId)[0].File!.Content);
        Assert.Equal([9, 9], _server.MessagesIn(ChatId)[1].File!.Content);
        Assert.NotNull(again.Document);
    }

    [Fact]
    public async Task Captions_over_1024_characters_and_documents_over_50_megabytes_are_refused()
    {
        using var small = new MemoryStream([1]);
        var longCaption = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.SendDocument(ChatId, InputFile.FromStream(small, "a.jpg"), caption: new string('x', 1025)));
        using var huge = new MemoryStream(new byte[(50 * 1024 * 1024) + 1]);
        var tooBig = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(ChatId, InputFile.FromStream(huge, "big.bin")));

        Assert.Equal((400, "Bad Request: message caption is too long"), (longCaption.ErrorCode, longCaption.Message));
        Assert.Equal(413, tooBig.ErrorCode);
        Assert.Empty(_server.MessagesIn(ChatId));
    }

    [Fact]
    public async Task SendMessage_records_the_plain_text_and_the_buttons()
    {
        var sent = await _bot.SendMessage(ChatId, "<b>Hello</b> &amp; welcome", parseMode: ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", "c:1:go")));

        Assert.Equal("Hello & welcome", sent.Text);
        Assert.Equal(_server.Bot.Id, sent.From?.Id);
        var message = Assert.Single(_server.MessagesIn(ChatId));
        Assert.Equal(sent.Id, message.Id);
        Assert.Equal("<b>Hello</b> &amp; welcome", message.Html);
        Assert.Equal(new BotButton("Go", "c:1:go"), message.FindButton("Go"));
    }

    [Fact]
    public async Task SendMessage_rejects_html_telegram_cannot_parse()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _bot.SendMessage(ChatId, "Total: 3 < 5", parseMode: ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities:", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, _server.Calls[^1].ErrorCode);
    }

    [Fact]
    public async Task SendMessage_counts_the_length_after_entity_parsing()
    {
        await _bot.SendMessage(ChatId, $"<b>{new string('a', MessageText.MaxLength)}</b>", parseMode: ParseMode.Html);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _bot.SendMessage(ChatId, new string('a', MessageText.MaxLength + 1)));
        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Theory]
    [InlineData(65, "a")]
    [InlineData(33, "é")] // 66 UTF-8 bytes in 33 characters
    public async Task SendMessage_rejects_callback_data_over_64_bytes(int repeat, string unit)
    {
        var data = string.Concat(Enumerable.Repeat(unit, repeat));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatId, "Pick one",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Pick", data))));

        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task SendMessage_to_a_chat_that_blocked_the_bot_is_forbidden()
    {
        _server.BlockBot(ChatId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatId, "Reminder"));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
    }

    [Fact]
    public async Task EditMessageText_to_the_same_content_is_not_modified()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", "go"));
        var sent = await _bot.SendMessage(ChatId, "Step 1", replyMarkup: keyboard);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => _bot.EditMessageText(ChatId, sent.Id, "Step 1", replyMarkup: keyboard));
        var edited = await _bot.EditMessageText(ChatId, sent.Id, "Step 2");

        Assert.StartsWith("Bad Request: message is not modified", error.Message, StringComparison.Ordinal);
        Assert.Equal("Step 2", edited.Text);
        var message = Assert.Single(_server.MessagesIn(ChatId));
        Assert.Equal(1, message.EditCount);
        Assert.Empty(message.Buttons);
        Assert.Equal([MessageOperationKind.Sent, MessageOperationKind.Edited], _server.HistoryOf(ChatId).Select(op => op.Kind));
    }

    [Fact]
    public async Task EditMessageText_of_an_unknown_message_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(ChatId, 999, "Hi"));

        Assert.Equal("Bad Request: message to edit not found", error.Message);
    }

    [Fact]
    public async Task AnswerCallbackQuery_with_an_unknown_id_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerCallbackQuery("nope"));

        Assert.Equal(400, error.ErrorCode);
    }

    [Fact]
    public async Task GetUpdates_keeps_updates_until_an_offset_confirms_them()
    {
        var first = _server.EnqueueUpdate(id => new Update { Id = id, Message = TextFromUser("one") });
        var second = _server.EnqueueUpdate(id => new Update { Id = id, Message = TextFromUser("two") });

        var unconfirmed = await _bot.GetUpdates();
        var again = await _bot.GetUpdates(offset: (int)first + 1);
        await _server.WaitUntilConfirmedAsync(first);
        var afterAll = await _bot.GetUpdates(offset: (int)second + 1, timeout: 0);

        Assert.Equal([first, second], unconfirmed.Select(update => (long)update.Id));
        Assert.Equal(second, Assert.Single(again).Id);
        Assert.Empty(afterAll);
        Assert.Equal(second + 1, _server.ConfirmedOffset);
        await _server.WaitUntilConfirmedAsync(second);
    }

    [Fact]
    public async Task An_update_confirmed_by_a_short_poll_counts_as_answered_only_when_the_next_poll_starts()
    {
        var first = _server.EnqueueUpdate(id => new Update { Id = id, Message = TextFromUser("one") });
        await _bot.GetUpdates(timeout: 0);

        // Confirmed by a short poll: the bot may still be sending its replies.
        await _bot.GetUpdates(offset: (int)first + 1, timeout: 0);
        await _server.WaitUntilConfirmedAsync(first);
        var answered = _server.WaitUntilAnsweredAsync(first);
        Assert.False(answered.IsCompleted);

        // The next request starts only once they are out.
        await _bot.GetUpdates(offset: (int)first + 1, timeout: 0);
        await answered;
    }

    [Fact]
    public async Task An_update_confirmed_by_a_long_poll_counts_as_answered_at_once()
    {
        var first = _server.EnqueueUpdate(id => new Update { Id = id, Message = TextFromUser("one") });
        await _bot.GetUpdates(timeout: 0);

        // A long poll is made only when no reply is outstanding; it returns when the next update arrives.
        var poll = _bot.GetUpdates(offset: (int)first + 1, timeout: 5);
        await _server.WaitUntilAnsweredAsync(first);
        var second = _server.EnqueueUpdate(id => new Update { Id = id, Message = TextFromUser("two") });
        Assert.Equal(second, Assert.Single(await poll).Id);
    }

    [Fact]
    public async Task TooManyRequests_beyond_the_retry_threshold_reaches_the_caller_with_retry_after()
    {
        _server.FailNext("sendMessage", FakeFault.TooManyRequests(retryAfterSeconds: 120));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatId, "Hi"));
        await _bot.SendMessage(ChatId, "Hi");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(120, error.Parameters?.RetryAfter);
        Assert.Equal([429, null], _server.CallsTo("sendMessage").Select(call => call.ErrorCode));
    }

    [Fact]
    public async Task TooManyRequests_within_the_retry_threshold_is_retried_by_the_client()
    {
        _server.FailNext("sendMessage", FakeFault.TooManyRequests(retryAfterSeconds: 0));

        await _bot.SendMessage(ChatId, "Hi");

        Assert.Equal([429, null], _server.CallsTo("sendMessage").Select(call => call.ErrorCode));
    }

    [Fact]
    public async Task A_dropped_connection_is_a_request_exception()
    {
        _server.FailNext("getMe", FakeFault.DropConnection);

        await Assert.ThrowsAsync<RequestException>(() => _bot.GetMe());

        Assert.True(_server.Calls[^1].ConnectionDropped);
    }

    [Fact]
    public async Task WaitForCallAsync_times_out_listing_the_recent_calls()
    {
        await _bot.GetMe();

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => _server.WaitForCallAsync("sendMessage", timeout: TimeSpan.FromMilliseconds(50)));

        Assert.Contains("getMe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fake_user_talks_to_a_polling_bot()
    {
        using var stop = new CancellationTokenSource();
        var bot = RunEchoBotAsync(_bot, stop.Token);
        var user = _server.User(7, languageCode: "it");

        var greeting = await user.SendAsync("/start x & <y>");
        var pressed = await user.PressAsync("Again");
        var unanswered = await Assert.ThrowsAsync<InvalidOperationException>(() => user.PressDataAsync(greeting.Last.Id, "mute"));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => user.PressAsync("Nope"));
        await stop.CancelAsync();
        await bot;

        Assert.Equal("You said: /start x & <y>", greeting.Text);
        Assert.Equal(["Again"], greeting.ButtonTexts);
        Assert.Equal("Pressed again", pressed.Last.Text);
        Assert.Equal(1, pressed.Last.EditCount);
        Assert.Equal("Done", pressed.CallbackAnswerText);
        Assert.Empty(user.LastMessage.Buttons);
        Assert.Contains("did not answer", unanswered.Message, StringComparison.Ordinal);
        Assert.Contains("Nope", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives()
    {
        var queue = new UpdateQueue(firstUpdateId: 1);
        var poll = queue.PollAsync(offset: 0, limit: 100, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(poll.IsCompleted);

        queue.Enqueue(id => new Update { Id = id });

        Assert.Equal(1, Assert.Single(await poll.WaitAsync(TimeSpan.FromSeconds(5))).Id);
    }

    [Fact]
    public async Task A_newer_long_poll_terminates_the_older_one_with_a_conflict()
    {
        var queue = new UpdateQueue(firstUpdateId: 1);
        var older = queue.PollAsync(offset: 0, limit: 100, TimeSpan.FromMinutes(1), CancellationToken.None);

        var newer = queue.PollAsync(offset: 0, limit: 100, TimeSpan.Zero, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<BotApiFailure>(() => older.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Empty(await newer);
    }

    [Theory]
    [InlineData("<b>bold <i>both</i></b> <a href=\"https://example.com\">link</a>", "bold both link")]
    [InlineData("<span class=\"tg-spoiler\">s</span><tg-spoiler>t</tg-spoiler>", "st")]
    [InlineData("<pre><code class=\"language-csharp\">x</code></pre><blockquote expandable>q</blockquote>", "xq")]
    [InlineData("&lt;tag&gt; &amp; &quot;q&quot; &#39;&#x1F600;", "<tag> & \"q\" '😀")]
    public void TelegramHtml_parses_supported_markup_to_plain_text(string html, string plain)
    {
        Assert.True(TelegramHtml.TryParse(html, out var text, out var error), error);
        Assert.Equal(plain, text);
    }

    [Theory]
    [InlineData("<foo>x</foo>")]
    [InlineData("a < b")]
    [InlineData("a > b")]
    [InlineData("<b>unclosed")]
    [InlineData("<b><i>crossed</b></i>")]
    [InlineData("closing only</b>")]
    [InlineData("Tom & Jerry")]
    [InlineData("&nbsp;")]
    [InlineData("<span>no class</span>")]
    [InlineData("<b class=\"x\">attribute</b>")]
    [InlineData("line<br/>break")]
    public void TelegramHtml_rejects_what_telegram_would_not_parse(string html)
    {
        Assert.False(TelegramHtml.TryParse(html, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static Message TextFromUser(string text) => new()
    {
        Chat = new Chat { Id = ChatId, Type = ChatType.Private },
        From = new User { Id = ChatId, FirstName = "Test" },
        Date = DateTime.UtcNow,
        Text = text,
    };

    /// <summary>A minimal bot: echoes texts with an "Again" button; pressing it edits the message and answers.</summary>
    private static async Task RunEchoBotAsync(TelegramBotClient bot, CancellationToken stop)
    {
        var offset = 0;
        while (!stop.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, timeout: 30, cancellationToken: stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var update in updates)
            {
                await (update switch
                {
                    { Message: { } message } => bot.SendMessage(message.Chat, $"You said: <i>{WebUtility.HtmlEncode(message.Text)}</i>",
                        parseMode: ParseMode.Html,
                        replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Again", "again")),
                        cancellationToken: stop),
                    { CallbackQuery: { Data: "again" } query } => PressedAgainAsync(bot, query, stop),
                    _ => Task.CompletedTask,
                });
                offset = update.Id + 1;
            }
        }
    }

    private static async Task PressedAgainAsync(TelegramBotClient bot, CallbackQuery query, CancellationToken stop)
    {
        await bot.EditMessageText(query.Message!.Chat, query.Message.Id, "Pressed again", cancellationToken: stop);
        await bot.AnswerCallbackQuery(query.Id, "Done", cancellationToken: stop);
    }
}
