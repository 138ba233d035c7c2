using Xunit.Abstractions;
using Xunit.Sdk;

namespace AppealBot.Tests.TestKit.PostgreSql;

/// <summary>
/// A test that needs a PostgreSQL server (<see cref="PostgreSqlServer"/>). Without one, these tests are not discovered
/// at all, and the one test marked <see cref="SaysWhySkipped"/> is reported skipped with the reason: one line in the
/// run's output instead of one per test.
/// </summary>
[XunitTestCaseDiscoverer("AppealBot.Tests.TestKit.PostgreSql.PostgreSqlFactDiscoverer", "AppealBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>This test stands for all of them when they are skipped: its name becomes the reason, which the
    /// runner's default output shows (it prints a skipped test's name, not its reason).</summary>
    public bool SaysWhySkipped
    {
        get => _saysWhySkipped;
        set
        {
            _saysWhySkipped = value;
            if (value && Skip is not null)
            {
                DisplayName = Skip;
            }
        }
    }

    private bool _saysWhySkipped;
}

public sealed class PostgreSqlFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgreSqlServer.SkipReason is null || factAttribute.GetNamedArgument<bool>(nameof(PostgreSqlFactAttribute.SaysWhySkipped))
            ? base.Discover(discoveryOptions, testMethod, factAttribute)
            : [];
}
