namespace AppealBot.Tests.TestKit;

internal static class Repository
{
    /// <summary>The checkout's root (where AppealBot.sln is), found from the test assembly's folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AppealBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AppealBot.sln not found above " + AppContext.BaseDirectory);
    }
}
