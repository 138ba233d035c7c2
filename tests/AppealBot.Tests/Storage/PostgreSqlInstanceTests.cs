using AppealBot.Storage;
using AppealBot.Storage.PostgreSql;
using AppealBot.Tests.TestKit;
using AppealBot.Tests.TestKit.PostgreSql;

namespace AppealBot.Tests.Storage;

/// <summary>
/// Several instances on one PostgreSQL database: who is alive, who owns the replies still owed, and which user an
/// instance leaves to another so that a chat's replies keep their order. (The bots themselves, killed mid-burst, are
/// in Hosting/ScaleOutTests.)
/// </summary>
public sealed class PostgreSqlInstanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [PostgreSqlFact]
    public async Task The_replies_of_an_instance_not_seen_for_the_lease_go_to_one_adopter_whole_and_in_order()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        var dead = new Instance(engine);
        var alive = new Instance(engine);
        await dead.Registry.RegisterAsync(CancellationToken.None);
        await alive.Registry.RegisterAsync(CancellationToken.None);
        await MissBeatsAsync(engine, dead);
        await AddRepliesAsync(engine, dead.Id, chatId: 7, count: 5);
        await AddRepliesAsync(engine, alive.Id, chatId: 8, count: 2);

        // Ten live would-be adopters at once: the advisory lock lets one take everything, the rest find nothing.
        var adopters = Enumerable.Range(0, 10).Select(_ => new Instance(engine)).ToList();
        foreach (var adopter in adopters)
        {
            await adopter.Registry.RegisterAsync(CancellationToken.None);
        }

        var adopted = await Task.WhenAll(adopters.Select(a => Task.Run(() => a.Registry.AdoptOrphanedAsync(CancellationToken.None))));

        var winners = adopted.Select((rows, i) => (rows, i)).Where(x => x.rows.Count > 0).ToList();
        var (rows, winner) = Assert.Single(winners);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.Equal(7, row.ChatId));
        Assert.Equal(rows.Select(r => r.Id).Order(), rows.Select(r => r.Id));
        Assert.Equal([adopters[winner].Id], await engine.QueryAsync<string>("SELECT DISTINCT owner FROM outbox WHERE chat_id = 7;"));

        // The live instance keeps its own; the dead one is forgotten.
        Assert.Equal([alive.Id], await engine.QueryAsync<string>("SELECT DISTINCT owner FROM outbox WHERE chat_id = 8;"));
        Assert.DoesNotContain(dead.Id, await engine.QueryAsync<string>("SELECT id FROM instances;"));
    }

    [PostgreSqlFact]
    public async Task An_instance_that_leaves_cleanly_has_its_replies_adopted_at_once_and_unowned_rows_are_adopted_too()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        var leaving = new Instance(engine);
        var staying = new Instance(engine);
        await leaving.Registry.RegisterAsync(CancellationToken.None);
        await staying.Registry.RegisterAsync(CancellationToken.None);
        await AddRepliesAsync(engine, leaving.Id, chatId: 7, count: 2);
        await AddRepliesAsync(engine, owner: null, chatId: 9, count: 1); // copied from SQLite, or stored before migration 012

        Assert.Equal([9L], (await staying.Registry.AdoptOrphanedAsync(CancellationToken.None)).Select(m => m.ChatId));

        await leaving.Registry.DeregisterAsync(CancellationToken.None);
        Assert.Equal([7L, 7L], (await staying.Registry.AdoptOrphanedAsync(CancellationToken.None)).Select(m => m.ChatId));
    }

    [PostgreSqlFact]
    public async Task A_heartbeat_counts_the_live_instances_and_tells_an_instance_taken_for_dead_that_it_is()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        var frozen = new Instance(engine);
        var others = new[] { new Instance(engine), new Instance(engine) };
        await frozen.Registry.RegisterAsync(CancellationToken.None);
        foreach (var other in others)
        {
            await other.Registry.RegisterAsync(CancellationToken.None);
        }

        Assert.Equal(3, await frozen.Registry.HeartbeatAsync(CancellationToken.None));

        // The frozen one misses its beats; the others go on, and one of them clears it out.
        await MissBeatsAsync(engine, frozen);
        Assert.Equal(2, await others[0].Registry.HeartbeatAsync(CancellationToken.None));
        await others[0].Registry.AdoptOrphanedAsync(CancellationToken.None);

        Assert.Equal(0, await frozen.Registry.HeartbeatAsync(CancellationToken.None));
    }

    [PostgreSqlFact]
    public async Task A_user_whose_replies_another_instance_owns_is_left_to_it_until_they_are_sent()
    {
        await using var engine = await StoreEngine.CreateAsync(StoreEngine.PostgreSql);
        var sender = new Instance(engine);
        var inbox = engine.Inbox();
        await inbox.AddAsync(1, 7, "u1", Now, CancellationToken.None);
        await inbox.AddAsync(2, 8, "u2", Now, CancellationToken.None);
        await AddRepliesAsync(engine, sender.Id, chatId: 7, count: 1);

        await using (var taken = await inbox.TakeOldestAsync(limit: 10, exceptUsers: [], CancellationToken.None))
        {
            Assert.Equal([2L], taken.Updates.Select(u => u.UpdateId));
        }

        // Its own replies do not hold an instance back.
        await using (var bySender = await new PostgreSqlUpdateInbox(engine.Database, sender.InstanceId).TakeOldestAsync(limit: 10, exceptUsers: [], CancellationToken.None))
        {
            Assert.Equal([1L, 2L], bySender.Updates.Select(u => u.UpdateId));
        }

        await engine.ExecuteAsync("DELETE FROM outbox WHERE chat_id = 7;");
        await using var afterSent = await inbox.TakeOldestAsync(limit: 10, exceptUsers: [], CancellationToken.None);
        Assert.Equal([1L, 2L], afterSent.Updates.Select(u => u.UpdateId));
    }

    /// <summary>The instance's last beat was longer ago than the lease (by the database's clock, as the bot reads it).</summary>
    private static Task MissBeatsAsync(StoreEngine engine, Instance instance) =>
        engine.ExecuteAsync(
            "UPDATE instances SET seen_at = seen_at - @ms WHERE id = @id;",
            new { id = instance.Id, ms = (long)(PostgreSqlInstances.Lease + TimeSpan.FromSeconds(5)).TotalMilliseconds });

    private static Task AddRepliesAsync(StoreEngine engine, string? owner, long chatId, int count) =>
        engine.ExecuteAsync(
            """
            INSERT INTO outbox (chat_id, update_id, kind, html, created_at, owner)
            SELECT @chatId, g, 0, 'reply ' || g, 1, @owner FROM generate_series(1, @count) g;
            """,
            new { chatId, owner, count });

    private sealed class Instance
    {
        public Instance(StoreEngine engine) => Registry = new PostgreSqlInstances(engine.Database, InstanceId);

        public InstanceId InstanceId { get; } = new();

        public string Id => InstanceId.Value;

        public PostgreSqlInstances Registry { get; }
    }
}
