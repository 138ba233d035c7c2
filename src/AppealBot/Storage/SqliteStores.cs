using AppealBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace AppealBot.Storage;

internal static class SqliteStores
{
    /// <summary>
    /// The stores that work outside an update's transaction (reminders, the webhook inbox, the outbox read at start,
    /// statistics, housekeeping, photo checks, blocked users), on the SQLite file (<see cref="Database"/>).
    /// The PostgreSQL twin is <c>PostgreSql.PostgreSqlStores.AddPostgreSqlBackgroundStores</c>.
    /// </summary>
    public static IServiceCollection AddSqliteBackgroundStores(this IServiceCollection services)
    {
        services.AddSingleton<IReminderQueue, ReminderQueue>();
        services.AddSingleton<IUpdateInbox, UpdateInbox>();
        services.AddSingleton<IOwedReplies>(sp => sp.GetRequiredService<OutboxStore>());
        services.AddSingleton<IUserStatusStore, UserStatusStore>();
        services.AddSingleton<IPhotoCheckStore, PhotoCheckStore>();
        services.AddSingleton<IBotStatistics, Statistics>();
        services.AddSingleton<IHandledUpdates, HandledUpdates>();
        return services;
    }
}
