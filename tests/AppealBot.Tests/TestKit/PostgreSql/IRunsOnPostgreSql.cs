namespace AppealBot.Tests.TestKit.PostgreSql;

/// <summary>
/// A test class that runs the tests of the class it derives from again, with the bot on PostgreSQL
/// (<see cref="BotUnderTest.StartAsync"/> with <c>postgreSql: true</c>): the same test bodies, the other engine. Without a
/// PostgreSQL server such classes are left out, as <see cref="PostgreSqlFactAttribute"/> tests are.
/// </summary>
public interface IRunsOnPostgreSql;
