using AppealBot.Tests.TestKit;
using AppealBot.Conversation;

namespace AppealBot.Tests.Docs;

public sealed class ConversationGraphTests
{
    private const string Begin = "```mermaid\n";
    private const string End = "```";

    /// <summary>docs/conversation.md shows the machine as the code builds it; set APPEALBOT_UPDATE_DOCS=1 to rewrite it.</summary>
    [Fact]
    public void Docs_show_the_state_machine_as_the_code_builds_it()
    {
        var path = Path.Combine(Repository.Root, "docs", "conversation.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = document.IndexOf(Begin, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{path} has no mermaid block");
        var end = document.IndexOf(End, start + Begin.Length, StringComparison.Ordinal);
        var documented = document[(start + Begin.Length)..end].Trim();
        var actual = CaseFlow.MermaidGraph().ReplaceLineEndings("\n").Trim();

        if (documented != actual && Environment.GetEnvironmentVariable("APPEALBOT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..(start + Begin.Length)] + actual + "\n" + document[end..]);
            return;
        }

        Assert.True(documented == actual,
            "docs/conversation.md no longer matches the state machine. Regenerate it: APPEALBOT_UPDATE_DOCS=1 dotnet test --filter ConversationGraphTests");
    }
}
