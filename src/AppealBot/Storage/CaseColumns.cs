using System.Data.Common;
using System.Globalization;
using AppealBot.Conversation;

namespace AppealBot.Storage;

/// <summary>
/// The columns of a case, each named once with how it is written from a <see cref="Case"/> and read back into one:
/// the SELECT, the UPDATE and the change check of <see cref="CaseBook"/> all come from this list, for both engines.
/// Enums are stored by name, dates as yyyy-MM-dd text, amounts as invariant decimal text, moments as Unix ms.
/// </summary>
internal static class CaseColumns
{
    /// <summary>Set once, when a case is opened; read first, never updated.</summary>
    private const string Fixed = "id, user_id, created_at";

    private static readonly CaseColumn[] Changeable =
    [
        new("step", c => c.Step.ToString(), (c, r, i) => c.Step = Enum.TryParse<CaseStep>(r.GetString(i), out var step) ? step : CaseStep.OrderNumber),
        new("order_number", c => c.OrderNumber, (c, r, i) => c.OrderNumber = r.Text(i)),
        new("problem", c => c.Problem?.ToString(), (c, r, i) => c.Problem = ParseEnum<ProblemKind>(r.Text(i))),
        new("dispute_claim", c => c.DisputeClaim?.ToString(), (c, r, i) => c.DisputeClaim = ParseEnum<Compensation>(r.Text(i))),
        new("dispute_amount", c => FormatAmount(c.DisputeAmount), (c, r, i) => c.DisputeAmount = ParseMoney(r.Text(i), r.Text(i + 1))),
        new("dispute_currency", c => c.DisputeAmount?.Currency, ReadWithAmount),
        new("dispute_closed_on", c => FormatDate(c.DisputeClosedOn), (c, r, i) => c.DisputeClosedOn = ParseDate(r.Text(i))),
        new("reasons_answered", c => (long)c.ReasonsAnswered, (c, r, i) => c.ReasonsAnswered = (int)r.Integer(i)),
        new("reasons", c => (long)c.Reasons, (c, r, i) => c.Reasons = (LossReasons)r.Integer(i)),
        new("evidence_ready", c => (long)c.EvidenceReady, (c, r, i) => c.EvidenceReady = (EvidenceItems)r.Integer(i)),
        new("compensation", c => c.Compensation?.ToString(), (c, r, i) => c.Compensation = ParseEnum<Compensation>(r.Text(i))),
        new("compensation_amount", c => FormatAmount(c.CompensationAmount), (c, r, i) => c.CompensationAmount = ParseMoney(r.Text(i), r.Text(i + 1))),
        new("compensation_currency", c => c.CompensationAmount?.Currency, ReadWithAmount),
        new("filings", c => (long)c.Filings, (c, r, i) => c.Filings = (int)r.Integer(i)),
        new("filed_on", c => FormatDate(c.FiledOn), (c, r, i) => c.FiledOn = ParseDate(r.Text(i))),
        new("check_back_due", c => c.CheckBackDue?.ToUnixTimeMilliseconds(), (c, r, i) => c.CheckBackDue = r.Number(i) is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null),
        new("decision_delays", c => (long)c.DecisionDelays, (c, r, i) => c.DecisionDelays = (int)r.Integer(i)),
        new("decision_due", c => FormatDate(c.DecisionDue), (c, r, i) => c.DecisionDue = ParseDate(r.Text(i))),
        new("rejections", c => (long)c.Rejections, (c, r, i) => c.Rejections = (int)r.Integer(i)),
        new("refund_amount", c => FormatAmount(c.RefundAmount), (c, r, i) => c.RefundAmount = ParseMoney(r.Text(i), r.Text(i + 1))),
        new("refund_currency", c => c.RefundAmount?.Currency, ReadWithAmount),
        new("refund_due", c => FormatDate(c.RefundDue), (c, r, i) => c.RefundDue = ParseDate(r.Text(i))),
        new("outcome", c => c.Outcome.ToString(), (c, r, i) => c.Outcome = Enum.TryParse<CaseOutcome>(r.GetString(i), out var outcome) ? outcome : CaseOutcome.Open),
        new("paused", c => c.Paused, (c, r, i) => c.Paused = r.GetBoolean(i)),
        new("updated_at", c => c.UpdatedAt.ToUnixTimeMilliseconds(), (c, r, i) => c.UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.Integer(i))),
        new("facts", c => CaseFactsJson.Write(c.Facts), (c, r, i) => c.Facts = CaseFactsJson.Read(r.GetString(i))),
        new("facts_answered", c => (long)c.FactsAnswered, (c, r, i) => c.FactsAnswered = (int)r.Integer(i)),
        new("evidence_filed", c => (long)c.EvidenceFiled, (c, r, i) => c.EvidenceFiled = (EvidenceItems)r.Integer(i)),
        new("editing", c => c.Editing?.ToString(), (c, r, i) => c.Editing = ParseEnum<FactQuestion>(r.Text(i))),
        new("return_step", c => c.ReturnStep?.ToString(), (c, r, i) => c.ReturnStep = ParseEnum<CaseStep>(r.Text(i))),
    ];

    /// <summary>Every column, in the order <see cref="Read"/> expects them.</summary>
    public static string Select { get; } = $"{Fixed}, {string.Join(", ", Changeable.Select(c => c.Name))}";

    /// <summary>The SET list of an UPDATE, bound by <see cref="UpdateParameters"/>.</summary>
    public static string Set { get; } = string.Join(", ", Changeable.Select(c => $"{c.Name} = @{c.Name}"));

    private static readonly string[] ParameterNames = [.. Changeable.Select(c => "@" + c.Name)];

    /// <summary>One row of <see cref="Select"/>.</summary>
    public static Case Read(DbDataReader row)
    {
        var read = new Case
        {
            Id = row.GetInt64(0),
            UserId = row.GetInt64(1),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(2)),
        };
        for (var i = 0; i < Changeable.Length; i++)
        {
            Changeable[i].Read(read, row, i + 3);
        }

        return read;
    }

    /// <summary>The stored values of what can change: equal snapshots, nothing to write.</summary>
    public static object?[] Snapshot(Case c) => [.. Changeable.Select(column => column.Write(c))];

    public static bool Same(object?[] a, object?[] b) => a.AsSpan().SequenceEqual(b, EqualityComparer<object?>.Default);

    /// <summary>The parameters of <see cref="Set"/> from a <see cref="Snapshot"/>, then @id and @userId.</summary>
    public static (string Name, object? Value)[] UpdateParameters(Case c, object?[] snapshot)
    {
        var parameters = new (string, object?)[snapshot.Length + 2];
        for (var i = 0; i < snapshot.Length; i++)
        {
            parameters[i] = (ParameterNames[i], snapshot[i]);
        }

        parameters[^2] = ("@id", c.Id);
        parameters[^1] = ("@userId", c.UserId);
        return parameters;
    }

    /// <summary>A currency is read with its amount (the column before it).</summary>
    private static void ReadWithAmount(Case c, DbDataReader row, int column)
    {
    }

    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, out var parsed) ? parsed : null;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Money? ParseMoney(string? amount, string? currency) =>
        currency is not null && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? new Money(value, currency)
            : null;

    private static string? FormatAmount(Money? money) => money?.Amount.ToString(CultureInfo.InvariantCulture);

    private sealed record CaseColumn(string Name, Func<Case, object?> Write, Action<Case, DbDataReader, int> Read);
}
