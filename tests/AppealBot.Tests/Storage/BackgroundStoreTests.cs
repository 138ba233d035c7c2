using AppealBot.Conversation;
using AppealBot.Evidence;
using AppealBot.Reminders;
using AppealBot.Storage;
using AppealBot.Telegram;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Storage;

/// <summary>Each store outside an update's transaction, the same test on both engines, on real databases.</summary>
public sealed class BackgroundStoreTests
{
    public static TheoryData<string> Engines => StoreEngine.Names;

    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static Task AddReminderAsync(StoreEngine engine, long id, long userId, DateTimeOffset dueAt, string kind = "CheckBack") => engine.ExecuteAsync(
        """
        INSERT INTO reminders (id, user_id, case_id, kind, step, due_at, planned_at, created_at)
        VALUES (@id, @userId, @caseId, @kind, 'CheckBack', @dueAt, @dueAt, 1);
        """,
        new { id, userId, caseId = userId * 10, kind, dueAt = Ms(dueAt) });

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Due_reminders_are_claimed_earliest_first_up_to_the_limit_and_only_once(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.AddUserWithCaseAsync(1);
        await AddReminderAsync(engine, 1, 1, Now.AddMinutes(-1));
        await AddReminderAsync(engine, 2, 1, Now.AddHours(-2), kind: "Decision");
        await AddReminderAsync(engine, 3, 1, Now.AddHours(-1), kind: "Nudge");
        await AddReminderAsync(engine, 4, 1, Now.AddMinutes(5), kind: "Refund");
        var queue = engine.Reminders();

        var first = await queue.ClaimDueAsync(Now, limit: 2, CancellationToken.None);
        var second = await queue.ClaimDueAsync(Now, limit: 10, CancellationToken.None);
        var third = await queue.ClaimDueAsync(Now, limit: 10, CancellationToken.None);

        Assert.Equal([2L, 3L], first.Select(r => r.Id));
        Assert.Equal(new DueReminder(2, 1, 10, ReminderKind.Decision, "CheckBack", Now.AddHours(-2), 0), first[0]);
        Assert.Equal([1L], second.Select(r => r.Id));
        Assert.Empty(third);
        Assert.Equal(Now.AddMinutes(5), await queue.NextDueAsync(CancellationToken.None));
        Assert.Equal([Ms(Now), Ms(Now), Ms(Now)],
            await engine.QueryAsync<long>("SELECT claimed_at FROM reminders WHERE state = 'sending' ORDER BY id;"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_claim_older_than_the_lease_is_given_back_and_claimed_again_a_younger_one_is_not(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.AddUserWithCaseAsync(1);
        await AddReminderAsync(engine, 1, 1, Now.AddMinutes(-10));
        await AddReminderAsync(engine, 2, 1, Now.AddMinutes(-10), kind: "Nudge");
        var queue = engine.Reminders();
        var lease = TimeSpan.FromMinutes(2);
        await queue.ClaimDueAsync(Now, limit: 1, CancellationToken.None);
        await queue.ClaimDueAsync(Now.AddMinutes(1), limit: 1, CancellationToken.None);

        // Two and a half minutes on: the first claim's sender is presumed dead, the second's is still within its lease.
        var later = Now.AddSeconds(150);
        var released = await queue.ReleaseAbandonedAsync(later - lease, CancellationToken.None);
        var again = await queue.ClaimDueAsync(later, limit: 10, CancellationToken.None);

        Assert.Equal(1, released);
        Assert.Equal([1L], again.Select(r => r.Id));
        Assert.Equal([Ms(later), Ms(Now.AddMinutes(1))], await engine.QueryAsync<long>("SELECT claimed_at FROM reminders ORDER BY id;"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Claimed_reminders_end_sent_dropped_failed_or_back_in_the_queue(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.AddUserWithCaseAsync(1);
        await engine.AddUserWithCaseAsync(2);
        foreach (var (id, kind) in new[] { (1L, "CheckBack"), (2L, "Nudge"), (3L, "Decision"), (4L, "Refund") })
        {
            await AddReminderAsync(engine, id, 1, Now.AddMinutes(-id), kind);
        }

        await AddReminderAsync(engine, 5, 2, Now.AddMinutes(-1));
        await AddReminderAsync(engine, 6, 2, Now.AddDays(1), kind: "Nudge");
        var queue = engine.Reminders();
        await queue.ClaimDueAsync(Now, limit: 10, CancellationToken.None);

        await queue.MarkSentAsync([1], Now.AddSeconds(1), CancellationToken.None);
        await queue.DropAsync([2], Now, CancellationToken.None);
        await queue.MarkFailedAsync(3, Now, CancellationToken.None);
        await queue.RescheduleAsync(4, Now.AddHours(1), failedAttempt: true, CancellationToken.None);
        await queue.DropAllForUserAsync(2, CancellationToken.None);
        // Only a claimed reminder moves: this one is pending again already.
        await queue.MarkSentAsync([4], Now, CancellationToken.None);

        Assert.Equal(
            ["1 sent 0 " + Ms(Now.AddSeconds(1)), "2 dropped 0 -", "3 failed 0 -", $"4 pending 1 -", "5 dropped 0 -", "6 dropped 0 -"],
            await engine.QueryAsync<string>(
                "SELECT id || ' ' || state || ' ' || attempts || ' ' || COALESCE(CAST(sent_at AS TEXT), '-') FROM reminders ORDER BY id;"));
        Assert.Equal(Now.AddHours(1), await queue.NextDueAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_inbox_keeps_an_update_once_and_never_one_already_handled(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.ExecuteAsync("INSERT INTO handled_updates (update_id, handled_at) VALUES (7, 1);");
        var inbox = engine.Inbox();

        Assert.True(await inbox.AddAsync(5, 100, "{\"update_id\":5}", Now, CancellationToken.None));
        Assert.False(await inbox.AddAsync(5, 100, "{\"update_id\":5}", Now, CancellationToken.None));
        Assert.False(await inbox.AddAsync(7, 100, "{\"update_id\":7}", Now, CancellationToken.None));

        Assert.Equal(["5 100 {\"update_id\":5} " + Ms(Now)],
            await engine.QueryAsync<string>("SELECT update_id || ' ' || user_key || ' ' || payload || ' ' || received_at FROM inbox;"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_oldest_updates_are_taken_in_order_and_only_the_done_ones_removed(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        var inbox = engine.Inbox();
        foreach (var (id, user) in new[] { (14L, 1L), (11L, 1L), (12L, 2L), (13L, 3L), (15L, 2L) })
        {
            await inbox.AddAsync(id, user, $"u{id}", Now, CancellationToken.None);
        }

        IReadOnlySet<long> removed;
        await using (var taken = await inbox.TakeOldestAsync(limit: 3, exceptUsers: [2], CancellationToken.None))
        {
            Assert.Equal([new QueuedUpdate(11, 1, "u11"), new QueuedUpdate(13, 3, "u13"), new QueuedUpdate(14, 1, "u14")], taken.Updates);

            // 11 was handled, 13 is not for the bot, 14 failed: it stays queued.
            await engine.ExecuteAsync("INSERT INTO handled_updates (update_id, handled_at) VALUES (11, 1), (12, 1);");
            removed = await taken.RemoveDoneAsync([13], CancellationToken.None);
        }

        Assert.Equal([11L, 13L], removed.Order());
        Assert.Equal([12L, 14L, 15L], await engine.QueryAsync<long>("SELECT update_id FROM inbox ORDER BY update_id;"));
        await using var none = await inbox.TakeOldestAsync(limit: 10, exceptUsers: [1, 2], CancellationToken.None);
        Assert.Empty(none.Updates);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task What_the_outbox_owes_is_read_back_whole_in_sending_order(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.ExecuteAsync(
            """
            INSERT INTO outbox (id, chat_id, update_id, kind, message_id, html, buttons, supersedes, file_name, content, created_at) VALUES
                (3, 20, 9, 2, NULL, 'your data', NULL, NULL, 'export.json', @content, 30),
                (1, 10, 7, 0, NULL, '<b>hi</b>', '[[["Yes","y"]]]', 'step', NULL, NULL, 10),
                (2, 10, 8, 1, 555, 'edited', NULL, NULL, NULL, NULL, 20);
            """,
            new { content = "{}"u8.ToArray() });

        var owed = await engine.OwedReplies().PendingAsync(CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], owed.Select(m => m.Id));
        Assert.Equal((10L, 7L, OutboxKind.Message, "<b>hi</b>", "step", (int?)null), (owed[0].ChatId, owed[0].UpdateId, owed[0].Kind, owed[0].Reply.Html, owed[0].Reply.Supersedes, owed[0].MessageId));
        Assert.Equal("Yes", Assert.Single(Assert.Single(owed[0].Reply.Buttons!.Rows)).Label);
        Assert.Equal((OutboxKind.EditPressed, (int?)555, true), (owed[1].Kind, owed[1].MessageId, owed[1].Reply.ReplacesPressedMessage));
        Assert.Equal("export.json", owed[2].Document!.FileName);
        Assert.Equal("{}"u8.ToArray(), owed[2].Document!.Content);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(30), owed[2].CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_user_who_blocked_the_bot_is_marked_once(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.AddUserWithCaseAsync(1);
        await engine.AddUserWithCaseAsync(2);
        var store = engine.UserStatus();

        await store.MarkBlockedAsync(1, CancellationToken.None);
        engine.Time.Advance(TimeSpan.FromHours(1));
        await store.MarkBlockedAsync(1, CancellationToken.None);

        Assert.Equal(["1 " + Ms(engine.Time.GetUtcNow().AddHours(-1)), "2 -"],
            await engine.QueryAsync<string>("SELECT id || ' ' || COALESCE(CAST(blocked_at AS TEXT), '-') FROM users ORDER BY id;"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Photo_findings_replace_the_old_ones_and_a_kept_photo_stays_kept_unless_something_new_is_found(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.AddUserWithCaseAsync(1);
        foreach (var (position, photo) in new[] { (1, "a"), (2, "b"), (3, "c") })
        {
            await engine.ExecuteAsync(
                "INSERT INTO case_photos (case_id, position, file_id, file_unique_id, kind, created_at) VALUES (10, @position, @photo, @photo, 'photo', 1);",
                new { position, photo });
        }

        var store = engine.PhotoChecks();
        var first = await store.RecordAsync(10, ["a", "b", "c"],
            [new("a", PhotoFindings.Blurred, null), new("b", PhotoFindings.Dark, null), new("c", PhotoFindings.Repeat, "a"), new("gone", PhotoFindings.Dark, null)],
            CancellationToken.None);
        await engine.ExecuteAsync("UPDATE photo_checks SET choice = 'keep';");

        // a: the same again, still kept; b: something new, asked again; c: clean now.
        var second = await store.RecordAsync(10, ["a", "b", "c"],
            [new("a", PhotoFindings.Blurred, null), new("b", PhotoFindings.Dark | PhotoFindings.Blurred, null)], CancellationToken.None);

        Assert.Equal(["a Blurred  False", "b Dark  False", "c Repeat a False"], first.Select(Describe));
        Assert.Equal(["a Blurred  True", "b Blurred, Dark  False"], second.Select(Describe));
        Assert.Equal(first.Take(2).Select(c => c.Id), second.Select(c => c.Id));

        static string Describe(PhotoCheckRecord check) => $"{check.FileUniqueId} {check.Findings} {check.Repeats} {check.Kept}";
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Statistics_count_users_cases_and_reminders(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        await engine.AddUserWithCaseAsync(1, "CheckBack", updatedAt: Ms(Now));
        await engine.AddUserWithCaseAsync(2, "CheckBack", updatedAt: 1);
        await engine.AddUserWithCaseAsync(3, "Survey", updatedAt: 1);
        await engine.ExecuteAsync(
            """
            UPDATE users SET blocked_at = 5 WHERE id = 3;
            INSERT INTO cases (id, user_id, step, outcome, rejections, created_at, updated_at) VALUES
                (11, 1, 'Closed', 'Won', 1, 1, 1), (12, 1, 'Closed', 'GaveUp', 0, 1, 1);
            INSERT INTO reminders (id, user_id, case_id, kind, step, due_at, planned_at, state, sent_at, created_at) VALUES
                (1, 1, 10, 'CheckBack', 'CheckBack', 1, 1, 'pending', NULL, 1),
                (2, 1, 10, 'Nudge', 'CheckBack', 1, 1, 'sent', @recent, 1),
                (3, 1, 10, 'Decision', 'CheckBack', 1, 1, 'sent', 5, 1),
                (4, 1, 10, 'Refund', 'CheckBack', 1, 1, 'failed', NULL, @recent);
            """,
            new { recent = Ms(Now) });

        var stats = await engine.Statistics().CollectAsync(Now.AddDays(-1), Now.AddDays(-1));

        Assert.Equal((3L, 1L, 1L), (stats.Users, stats.ActiveUsers, stats.BlockedUsers));
        Assert.Equal([new StepCount("CheckBack", 2), new StepCount("Survey", 1)], stats.OpenCasesByStep);
        Assert.Equal((3L, 1L, 1L, 1L), (stats.OpenCases, stats.WonCases, stats.GaveUpCases, stats.RejectedAtLeastOnce));
        Assert.Equal((1L, 1L, 1L), (stats.RemindersPending, stats.RemindersSent, stats.RemindersFailed));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Housekeeping_forgets_old_update_ids_and_purges_what_retention_does_not_keep(string name)
    {
        await using var engine = await StoreEngine.CreateAsync(name);
        var old = Ms(Now.AddDays(-400));
        await engine.AddUserWithCaseAsync(1, updatedAt: old);
        await engine.AddUserWithCaseAsync(2, updatedAt: Ms(Now));
        await engine.ExecuteAsync(
            """
            INSERT INTO cases (id, user_id, step, outcome, created_at, updated_at) VALUES (21, 2, 'Closed', 'Won', 1, @old), (22, 2, 'Closed', 'Won', 1, @recent);
            INSERT INTO handled_updates (update_id, handled_at) VALUES (-3, @old), (5, @old), (6, @recent);
            """,
            new { old, recent = Ms(Now) });
        var store = engine.HandledUpdates();

        var pruned = await store.PruneAsync(TimeSpan.FromDays(2), CancellationToken.None);
        var nextLocal = await store.NextLocalIdAsync(CancellationToken.None);
        var purged = await store.PurgeExpiredAsync(Now.AddDays(-365), CancellationToken.None);

        Assert.Equal(2, pruned);
        Assert.Equal(-1, nextLocal);
        Assert.Equal((1, 1), purged);
        Assert.Equal([6L], await engine.QueryAsync<long>("SELECT update_id FROM handled_updates;"));
        Assert.Equal([20L, 22L], await engine.QueryAsync<long>("SELECT id FROM cases ORDER BY id;"));
        Assert.Equal([2L], await engine.QueryAsync<long>("SELECT id FROM users;"));
    }
}
