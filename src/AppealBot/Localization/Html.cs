namespace AppealBot.Localization;

/// <summary>Text that is already valid Telegram HTML and must not be escaped again.</summary>
internal readonly record struct Html(string Value)
{
    public override string ToString() => Value;
}
