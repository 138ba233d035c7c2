// AppealBot's benchmarks. Each run starts the real, built bot as a child process against the in-process
// fake Telegram server, with a fresh SQLite file, and prints a Markdown table.
//   dotnet run -c Release --project bench/AppealBot.Bench -- flow [--users 10000] [--rates 30,100,1000] [--seconds 20] [--warmup 5] [--idle 60] [--synchronous FULL|NORMAL]
//   dotnet run -c Release --project bench/AppealBot.Bench -- reminders [--count 100000] [--cap 30]
//   dotnet run -c Release --project bench/AppealBot.Bench -- hotpath          (BenchmarkDotNet micro-benchmarks)
//   dotnet run -c Release --project bench/AppealBot.Bench -- outbox           (what the outbox costs per reply)
using AppealBot.Bench;

return args.FirstOrDefault() switch
{
    "reminders" => await ReminderRun.RunAsync(BenchArgs.Parse(args[1..])),
    "flow" => await FlowRun.RunAsync(BenchArgs.Parse(args[1..])),
    "hotpath" => HotPath(args[1..]),
    "outbox" => Outbox(args[1..]),
    _ => Usage(),
};

static int HotPath(string[] args)
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<HotPathBenchmarks>(args: args);
    return 0;
}

static int Outbox(string[] args)
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<OutboxBenchmarks>(args: args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: AppealBot.Bench flow [--users N] [--rates R1,R2,…] [--seconds S] [--warmup S] [--idle S] [--synchronous FULL|NORMAL]");
    Console.Error.WriteLine("       AppealBot.Bench reminders [--count N] [--cap MESSAGES_PER_SECOND]");
    Console.Error.WriteLine("       AppealBot.Bench hotpath [BenchmarkDotNet options]");
    Console.Error.WriteLine("       AppealBot.Bench outbox [BenchmarkDotNet options]");
    return 2;
}
