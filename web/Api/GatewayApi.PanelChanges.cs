namespace HoanKiem.Web.Api;

/// <summary>Changes to the panel once judging runs: judges leave or are replaced, conflicts, the deadline, reopening the results.</summary>
public sealed partial class GatewayApi
{
    public Task<ApiResult<JudgeRemoval>> RemoveJudgeAsync(int year, Guid judgeId, bool? keepScores, string? reason, string idempotencyKey) =>
        SendAsync<JudgeRemoval>(HttpMethod.Post, $"/api/judging/{year}/judges/{judgeId}/removal", new { keepScores, reason }, idempotencyKey);

    public Task<ApiResult<JudgeReplacement>> ReplaceJudgeAsync(int year, Guid judgeId, string? fullName, string? unitCode, bool? keepScores, string? reason,
        string idempotencyKey) =>
        SendAsync<JudgeReplacement>(HttpMethod.Post, $"/api/judging/{year}/judges/{judgeId}/replacement", new { fullName, unitCode, keepScores, reason }, idempotencyKey);

    public Task<ApiResult<RecordedConflict>> RecordConflictAsync(int year, Guid judgeId, string? unitCode, Guid? entryId, string? reason, string idempotencyKey) =>
        SendAsync<RecordedConflict>(HttpMethod.Post, $"/api/judging/{year}/judges/{judgeId}/conflicts", new { unitCode, entryId, reason }, idempotencyKey);

    public Task<ApiResult<List<JudgeConflict>>> JudgeConflictsAsync(int year, Guid judgeId) =>
        SendAsync<List<JudgeConflict>>(HttpMethod.Get, $"/api/judging/{year}/judges/{judgeId}/conflicts");

    public Task<ApiResult<JudgingSettings>> SetScoringDeadlineAsync(int year, DateTimeOffset? scoringDeadline, string idempotencyKey) =>
        SendAsync<JudgingSettings>(HttpMethod.Put, $"/api/judging/{year}/settings/scoring-deadline", new { scoringDeadline }, idempotencyKey);

    public Task<ApiResult<ReopenedResults>> ReopenResultsAsync(int year, string? reason, string idempotencyKey) =>
        SendAsync<ReopenedResults>(HttpMethod.Post, $"/api/judging/{year}/reopen", new { reason }, idempotencyKey);

    /// <summary>The signed-in judge's own conflict on an entry assigned to them.</summary>
    public Task<ApiResult<DeclaredConflict>> DeclareConflictAsync(int year, Guid entryId, string? reason, string idempotencyKey) =>
        SendAsync<DeclaredConflict>(HttpMethod.Post, $"/api/judging/{year}/assignments/mine/{entryId}/conflict", new { reason }, idempotencyKey);
}
