using System.Text;
using AppealBot.Conversation;
using AppealBot.Evidence;
using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Reminders;
using AppealBot.Tests.Conversation.Input;
using AppealBot.Tests.FakeTelegram;
using CsCheck;
using Microsoft.Extensions.Options;

namespace AppealBot.Tests.Conversation;

/// <summary>
/// Random sessions of a user who presses any button ever shown (stale ones too), types anything, sends any
/// command and forged data, while days pass: the conversation never throws, never leaves a case in a state
/// the machine does not know, and never produces a message Telegram would reject.
/// </summary>
public sealed class ConversationProperties
{
    private static readonly string[] Commands =
        ["/start", "/new", "/cases", "/status", "/cancel", "/help", "/language", "/settings", "/timezone", "/privacy", "/deletemydata", "/stats", "/nope"];

    private static readonly string[] Typed =
        ["8123 4567 8901 2345", "81234567890123456", "12,50 €", "1 500 ₽", "$12.99", "today", "25.12.2026", "01/12", "2026-12-31", "30 novembre", "5 декабря", "0", "-5", "", "   "];

    [Fact]
    public void Random_sessions_never_throw_and_every_message_is_one_Telegram_accepts()
    {
        Gen.Select(Gen.Int[0, int.MaxValue].Array[20, 150], Gen.OneOfConst("ru", "it", "en"), InputGen.AnyText)
            .Sample((steps, code, junk) => RunSession(steps, Languages.FromTelegramCode(code), junk), iter: 300, threads: 1);
    }

    private static void RunSession(int[] steps, Language language, string junk)
    {
        var clock = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var dialogue = new Dialogue(Options.Create(new ReminderOptions()), Options.Create(new CollageOptions()), Options.Create(new DeadlineOptions()), Options.Create(new BotOptions { OperatorIds = [1] }), new NoStatistics(), new Runtime());
        var book = new MemoryCaseBook();
        var user = UserProfile.New(1, 1, language.Code(), clock);
        var chat = new List<(int Id, IReadOnlyList<Button> Buttons)>();
        var nextMessageId = 1;

        foreach (var step in steps)
        {
            UserInput input = (step % 12) switch
            {
                <= 6 when chat.Count > 0 && chat[^1].Buttons.Count > 0 => PressNewest(chat[^1], step),
                7 when chat.Any(m => m.Buttons.Count > 0) => PressAny(chat, step),
                8 => new CommandInput(Commands[step / 12 % Commands.Length].TrimStart('/'), ""),
                9 or 3 or 4 or 5 => new TextInput(Typed[step / 12 % Typed.Length]),
                10 => new TextInput(junk),
                _ => new ButtonInput(step % 3 == 0 ? junk : $"s:{step % 5}:{step % 30}:pick:{step % 7}", chat.Count == 0 ? 1 : chat[^1].Id),
            };
            if (step % 13 == 0)
            {
                clock = clock.AddHours(step % 100);
            }

            var turn = dialogue.HandleAsync(user, book, clock, input).GetAwaiter().GetResult();
            foreach (var reply in turn.Replies)
            {
                AssertTelegramAccepts(reply.Html, reply.Buttons);
                var buttons = reply.Buttons?.Rows.SelectMany(r => r).ToList() ?? [];
                if (reply.ReplacesPressedMessage && input is ButtonInput pressed && chat.FindIndex(m => m.Id == pressed.MessageId) is >= 0 and var index)
                {
                    chat[index] = (pressed.MessageId, buttons);
                }
                else
                {
                    chat.Add((nextMessageId++, buttons));
                }
            }

            if (turn.ButtonNotice is { } notice)
            {
                Assert.InRange(notice.Length, 1, 200);
            }

            if (user.ForgetRequested)
            {
                book = new MemoryCaseBook();
                user = UserProfile.New(1, 1, language.Code(), clock);
            }

            foreach (var c in book.All)
            {
                Assert.True(Enum.IsDefined(c.Step), $"unknown step {c.Step}");
                foreach (var planned in ReminderPlan.For(c, user, new ReminderOptions(), new DeadlineOptions()))
                {
                    var context = new ConversationContext { User = user, Cases = book, Now = clock, Reminders = new ReminderOptions() };
                    var message = ReminderMessages.Render(planned.Kind, c, context);
                    AssertTelegramAccepts(message.Html, message.Buttons);
                }
            }
        }
    }

    /// <summary>Mostly the first button, which usually moves on, so sessions get deep into the flow.</summary>
    private static ButtonInput PressNewest((int Id, IReadOnlyList<Button> Buttons) message, int step) =>
        new(message.Buttons[step % 3 == 0 ? step / 12 % message.Buttons.Count : 0].Data, message.Id);

    /// <summary>Any button ever shown, stale ones included.</summary>
    private static ButtonInput PressAny(List<(int Id, IReadOnlyList<Button> Buttons)> chat, int step)
    {
        var withButtons = chat.Where(m => m.Buttons.Count > 0).ToList();
        var message = withButtons[step / 12 % withButtons.Count];
        return new ButtonInput(message.Buttons[step / 7 % message.Buttons.Count].Data, message.Id);
    }

    private static void AssertTelegramAccepts(string html, Buttons? buttons)
    {
        Assert.True(TelegramHtml.TryParse(html, out var plain, out var error), $"{error}\n{html}");
        Assert.InRange(plain.Trim().Length, 1, 4096);
        foreach (var button in buttons?.Rows.SelectMany(r => r) ?? [])
        {
            Assert.False(string.IsNullOrWhiteSpace(button.Label));
            Assert.InRange(Encoding.UTF8.GetByteCount(button.Data), 1, 64);
        }
    }

    private sealed class MemoryCaseBook : ICaseBook
    {
        private readonly Dictionary<long, Case> _cases = [];
        private readonly Dictionary<long, List<PhotoFile>> _photos = [];

        public Task<IReadOnlyList<CasePhoto>> PhotosAsync(long caseId) =>
            Task.FromResult<IReadOnlyList<CasePhoto>>([.. _photos.GetValueOrDefault(caseId, []).Select((f, i) => new CasePhoto(i + 1, f))]);

        public Task<CasePhoto> AddPhotoAsync(long caseId, PhotoFile file, DateTimeOffset now)
        {
            if (!_photos.TryGetValue(caseId, out var photos))
            {
                _photos[caseId] = photos = [];
            }

            photos.Add(file);
            return Task.FromResult(new CasePhoto(photos.Count, file));
        }

        public Task RemovePhotosAsync(long caseId, IReadOnlyCollection<int> numbers)
        {
            if (_photos.TryGetValue(caseId, out var photos))
            {
                _photos[caseId] = [.. photos.Where((_, i) => !numbers.Contains(i + 1))];
            }

            return Task.CompletedTask;
        }

        public Task ClearPhotosAsync(long caseId)
        {
            _photos.Remove(caseId);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<PhotoCheckRecord>> PhotoChecksAsync(long caseId) => Task.FromResult<IReadOnlyList<PhotoCheckRecord>>([]);

        public Task<bool> KeepPhotoAsync(long caseId, long checkId) => Task.FromResult(false);

        public IEnumerable<Case> All => _cases.Values;

        public Task<Case?> FindAsync(long caseId) => Task.FromResult(_cases.GetValueOrDefault(caseId));

        public Task<IReadOnlyList<Case>> ListAsync() =>
            Task.FromResult<IReadOnlyList<Case>>([.. _cases.Values.OrderBy(c => c.IsClosed).ThenByDescending(c => c.Id)]);

        public Task<Case> OpenNewAsync(DateTimeOffset now)
        {
            var created = new Case { Id = _cases.Count + 1, UserId = 1, CreatedAt = now, UpdatedAt = now };
            _cases[created.Id] = created;
            return Task.FromResult(created);
        }
    }

    private sealed class NoStatistics : IBotStatistics
    {
        public Task<BotStatistics> CollectAsync(DateTimeOffset activeSince, DateTimeOffset remindersSince) =>
            Task.FromResult(new BotStatistics(1, 1, 0, [new StepCount("Survey", 1)], 1, 0, 0, 0, 0, 0, 0));
    }

    private sealed class Runtime : IRuntimeFacts
    {
        public string Version => "test";

        public DateTimeOffset StartedAt => DateTimeOffset.UnixEpoch;
    }
}
