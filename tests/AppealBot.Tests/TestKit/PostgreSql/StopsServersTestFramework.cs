using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("AppealBot.Tests.TestKit.PostgreSql.StopsServersTestFramework", "AppealBot.Tests")]

namespace AppealBot.Tests.TestKit.PostgreSql;

/// <summary>
/// xunit's own framework, plus one step once every test has run: stop the throwaway PostgreSQL cluster, while the
/// runner still waits (xunit 2 has no assembly fixture; a ProcessExit handler is cut short when the test host exits).
/// Without a PostgreSQL server, the classes that <see cref="IRunsOnPostgreSql"/> are not discovered (as
/// <see cref="PostgreSqlFactAttribute"/> tests are not).
/// </summary>
public sealed class StopsServersTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForType(ITestClass testClass, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions) =>
            (PostgreSqlServer.SkipReason is not null && testClass.Class.Interfaces.Any(i => i.Name == typeof(IRunsOnPostgreSql).FullName))
            || base.FindTestsForType(testClass, includeSourceInformation, messageBus, discoveryOptions);
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await PostgreSqlServer.StopAsync();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
