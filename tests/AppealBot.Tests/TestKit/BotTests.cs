using AppealBot.Tests.TestKit.PostgreSql;

namespace AppealBot.Tests.TestKit;

/// <summary>Tests that each get a fresh bot of their own (xunit makes one instance of the class per test).</summary>
public abstract class BotTests : IAsyncLifetime
{
    private BotUnderTest? _bot;

    protected BotUnderTest Bot => _bot ?? throw new InvalidOperationException("The bot starts in InitializeAsync.");

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync(Configure, postgreSql: this is IRunsOnPostgreSql);

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    /// <summary>Settings on top of the test defaults (<see cref="BotUnderTest"/>).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }
}
