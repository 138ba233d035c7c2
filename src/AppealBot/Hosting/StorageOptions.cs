namespace AppealBot.Hosting;

/// <summary>
/// Which engine keeps the bot's data. Said outright rather than guessed from ConnectionStrings:AppealBot: both
/// engines take key=value lists, and a guess would turn a mistyped key into the other engine.
/// </summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSql";

    /// <summary><see cref="Sqlite"/> (the default: one file, nothing to run beside the bot) or <see cref="PostgreSql"/>.</summary>
    public string Provider { get; set; } = Sqlite;
}
