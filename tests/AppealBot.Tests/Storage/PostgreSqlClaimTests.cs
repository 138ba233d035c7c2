using AppealBot.Storage;
using AppealBot.Storage.PostgreSql;
using AppealBot.Tests.TestKit;
using AppealBot.Tests.TestKit.PostgreSql;
using Dapper;
using Npgsql;

namespace AppealBot.Tests.Storage;

/// <summary>Several bots on one PostgreSQL database: what one claims, no other takes.</summary>
public sealed class PostgreSqlClaimTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [PostgreSqlFact]
    public async Task Two_bots_claiming_at_once_never_take_the_same_reminder()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        await engine.ExecuteAsync(
            """
            INSERT INTO users (id, chat_id, language, created_at, updated_at) SELECT g, g, 'en', 1, 1 FROM generate_series(1, 20) g;
            INSERT INTO cases (id, user_id, step, created_at, updated_at) SELECT g, g, 'CheckBack', 1, 1 FROM generate_series(1, 20) g;
            INSERT INTO reminders (user_id, case_id, kind, step, due_at, planned_at, created_at)
            SELECT g % 20 + 1, g % 20 + 1, 'Nudge', 'CheckBack', @due + g, @due + g, 1 FROM generate_series(1, 600) g;
            """,
            new { due = Now.AddHours(-1).ToUnixTimeMilliseconds() });
        await using var first = engine.AnotherBot();
        await using var second = engine.AnotherBot();

        // Each bot claims small batches as fast as it can until nothing is left; both start together.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claiming = Task.WhenAll(new[] { first, second }.Select(bot => Task.Run(async () =>
        {
            var queue = new PostgreSqlReminderQueue(bot);
            var mine = new List<long>();
            await start.Task;
            while (await queue.ClaimDueAsync(Now, limit: 7, CancellationToken.None) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(r => r.Id));
            }

            return mine;
        })));
        start.SetResult();
        var claims = await claiming.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(600, claims.Sum(c => c.Distinct().Count()));
        Assert.Equal(600, claims[0].Count + claims[1].Count);
        Assert.Equal([600L], await engine.QueryAsync<long>("SELECT COUNT(*) FROM reminders WHERE state = 'sending';"));
    }

    [PostgreSqlFact]
    public async Task A_reminder_another_bot_is_claiming_is_skipped_without_waiting()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        await engine.AddUserWithCaseAsync(1);
        await engine.ExecuteAsync(
            """
            INSERT INTO reminders (id, user_id, case_id, kind, step, due_at, planned_at, created_at) VALUES
                (1, 1, 10, 'CheckBack', 'CheckBack', @due, @due, 1), (2, 1, 10, 'Nudge', 'CheckBack', @due + 1, @due + 1, 1);
            """,
            new { due = Now.AddHours(-1).ToUnixTimeMilliseconds() });

        // The other bot's claim, caught in the middle: its transaction holds reminder 1's row.
        await using var other = new NpgsqlConnection(engine.ConnectionString);
        await other.OpenAsync();
        await using var claiming = await other.BeginTransactionAsync();
        await other.ExecuteAsync("SELECT id FROM reminders WHERE id = 1 FOR UPDATE;", transaction: claiming);

        var claimed = await engine.Reminders().ClaimDueAsync(Now, limit: 10, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await claiming.RollbackAsync();
        var afterwards = await engine.Reminders().ClaimDueAsync(Now, limit: 10, CancellationToken.None);

        Assert.Equal([2L], claimed.Select(r => r.Id));
        Assert.Equal([1L], afterwards.Select(r => r.Id));
    }

    [PostgreSqlFact]
    public async Task A_bot_never_takes_queued_updates_another_bot_holds_nor_the_later_ones_of_the_same_user()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        await using var otherBot = engine.AnotherBot();
        var inbox = engine.Inbox();
        // user 1: 1, 4, 6; user 2: 2, 5; user 3: 3.
        foreach (var (id, user) in new[] { (1L, 1L), (2L, 2L), (3L, 3L), (4L, 1L), (5L, 2L), (6L, 1L) })
        {
            await inbox.AddAsync(id, user, $"u{id}", Now, CancellationToken.None);
        }

        await using var held = await new PostgreSqlUpdateInbox(otherBot, new InstanceId()).TakeOldestAsync(limit: 2, exceptUsers: [], CancellationToken.None);
        await using var taken = await inbox.TakeOldestAsync(limit: 10, exceptUsers: [], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1L, 2L], held.Updates.Select(u => u.UpdateId));
        // Users 1 and 2 wait until the other bot is done with their first updates.
        Assert.Equal([3L], taken.Updates.Select(u => u.UpdateId));
    }

    [PostgreSqlFact]
    public async Task Updates_a_bot_took_and_did_not_finish_are_free_again_once_its_batch_ends()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        await using var otherBot = engine.AnotherBot();
        var inbox = engine.Inbox();
        await inbox.AddAsync(1, 1, "u1", Now, CancellationToken.None);
        await inbox.AddAsync(2, 1, "u2", Now, CancellationToken.None);

        await using (var failed = await new PostgreSqlUpdateInbox(otherBot, new InstanceId()).TakeOldestAsync(limit: 10, exceptUsers: [], CancellationToken.None))
        {
            Assert.Equal(2, failed.Updates.Count);
            await engine.ExecuteAsync("INSERT INTO handled_updates (update_id, handled_at) VALUES (1, 1);");
            Assert.Equal([1L], await failed.RemoveDoneAsync([], CancellationToken.None));
        }

        await using var again = await inbox.TakeOldestAsync(limit: 10, exceptUsers: [], CancellationToken.None);
        Assert.Equal([2L], again.Updates.Select(u => u.UpdateId));
    }

    [PostgreSqlFact]
    public async Task Two_bots_taking_updates_at_once_never_handle_the_same_one()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        var inbox = engine.Inbox();
        for (var id = 1L; id <= 300; id++)
        {
            await inbox.AddAsync(id, id % 30, $"u{id}", Now, CancellationToken.None);
        }

        await using var first = engine.AnotherBot();
        await using var second = engine.AnotherBot();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var takes = 0L;
        var handling = Task.WhenAll(new[] { first, second }.Select(bot => Task.Run(async () =>
        {
            var botInbox = new PostgreSqlUpdateInbox(bot, new InstanceId());
            var mine = new List<(QueuedUpdate Update, long Taken)>();
            await start.Task;
            for (var idle = 0; idle < 20;)
            {
                await using var batch = await botInbox.TakeOldestAsync(limit: 5, exceptUsers: [], CancellationToken.None);
                if (batch.Updates.Count == 0)
                {
                    // The other bot may still hold the rest; once both see nothing for a while, everything is done.
                    idle++;
                    await Task.Yield();
                    continue;
                }

                idle = 0;
                var taken = Interlocked.Increment(ref takes);
                mine.AddRange(batch.Updates.Select(u => (u, taken)));
                await using (var connection = await bot.OpenAsync())
                {
                    await connection.ExecuteAsync("INSERT INTO handled_updates (update_id, handled_at) SELECT unnest(@ids), 1;",
                        new { ids = batch.Updates.Select(u => u.UpdateId).ToArray() });
                }

                await batch.RemoveDoneAsync([], CancellationToken.None);
            }

            return mine;
        })));
        start.SetResult();
        var handled = await handling.WaitAsync(TimeSpan.FromMinutes(2));

        var all = handled.SelectMany(bot => bot).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Select(u => u.Update.UpdateId).Distinct().Count());
        Assert.Empty(await engine.QueryAsync<long>("SELECT update_id FROM inbox;"));
        // One user's updates, across both bots, in order: each was taken with or after the user's earlier ones.
        foreach (var user in all.GroupBy(u => u.Update.UserKey))
        {
            var byId = user.OrderBy(u => u.Update.UpdateId).Select(u => u.Taken).ToList();
            Assert.Equal(byId.Order(), byId);
        }
    }
}
