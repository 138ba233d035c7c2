namespace AppealBot.Hosting;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Another instance took this one for dead and adopted its replies (restartable, like a crash).</summary>
    public const int LeaseLost = 1;
    public const int BadConfiguration = 2;
    public const int TokenRejected = 3;
    public const int DatabaseUnusable = 4;
    public const int Unhealthy = 5;
    public const int AlreadyRunning = 6;
}
