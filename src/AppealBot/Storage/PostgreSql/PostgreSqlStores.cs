using AppealBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace AppealBot.Storage.PostgreSql;

internal static class PostgreSqlStores
{
    /// <summary>
    /// The stores that work outside an update's transaction, on PostgreSQL (<see cref="PostgreSqlDatabase"/>, which the
    /// caller registers); the SQLite twin is <see cref="SqliteStores.AddSqliteBackgroundStores"/>. SQLite's upkeep
    /// (WalCheckpointer, WalSignal) and file copies (DatabaseCopy) have no counterpart: PostgreSQL does its own.
    /// </summary>
    public static IServiceCollection AddPostgreSqlBackgroundStores(this IServiceCollection services)
    {
        services.AddSingleton<IReminderQueue, PostgreSqlReminderQueue>();
        services.AddSingleton<IUpdateInbox, PostgreSqlUpdateInbox>();
        services.AddSingleton<IOwedReplies, PostgreSqlOwedReplies>();
        services.AddSingleton<IUserStatusStore, PostgreSqlUserStatusStore>();
        services.AddSingleton<IPhotoCheckStore, PostgreSqlPhotoCheckStore>();
        services.AddSingleton<IBotStatistics, PostgreSqlStatistics>();
        services.AddSingleton<IHandledUpdates, PostgreSqlHandledUpdates>();
        return services;
    }
}
