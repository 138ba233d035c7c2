using AppealBot.Conversation;
using AppealBot.Evidence;
using Dapper;

namespace AppealBot.Storage.PostgreSql;

/// <summary>SQLite's statements (<see cref="PhotoCheckStore"/>) on PostgreSQL, in one transaction.</summary>
internal sealed class PostgreSqlPhotoCheckStore(PostgreSqlDatabase database, TimeProvider time) : IPhotoCheckStore
{
    public Task<IReadOnlyList<PhotoCheckRecord>> RecordAsync(long caseId, IReadOnlyCollection<string> checkedPhotos, IReadOnlyList<PhotoFinding> findings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkedPhotos);
        ArgumentNullException.ThrowIfNull(findings);
        return database.WithConnectionAsync<IReadOnlyList<PhotoCheckRecord>>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(PhotoCheckStore.ForgetCleanSql,
                PhotoCheckStore.Clean(checkedPhotos, findings).Select(photo => new { caseId, photo }), transaction);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await connection.ExecuteAsync(PhotoCheckStore.RecordSql,
                findings.Select(f => new { findings = (int)f.Findings, repeats = f.Repeats, now, caseId, photo = f.FileUniqueId }), transaction);
            var all = await connection.QueryAsync<CheckRow>(PhotoCheckStore.AllOfCaseSql, new { caseId }, transaction);
            await transaction.CommitAsync(cancellationToken);
            return [.. all.Select(row => row.ToRecord())];
        }, cancellationToken);
    }

    /// <summary>One row of <see cref="PhotoCheckStore.AllOfCaseSql"/>, as <see cref="CaseBook.ReadCheck"/> reads it on SQLite.</summary>
    internal sealed record CheckRow(long Id, string FileUniqueId, int Findings, string? Repeats, string? Choice)
    {
        public PhotoCheckRecord ToRecord() => new(Id, FileUniqueId, (PhotoFindings)Findings, Repeats, Choice == "keep");
    }
}
