namespace HoanKiem.Web.Api;

/// <summary>The judging panel as the secretariat runs it: settings, judges, assignment, progress, finalisation, results.</summary>
public sealed partial class GatewayApi
{
    public Task<ApiResult<JudgingSettings>> JudgingSettingsAsync(int year) => SendAsync<JudgingSettings>(HttpMethod.Get, $"/api/judging/{year}/settings");

    public Task<ApiResult<JudgingSettings>> PutJudgingSettingsAsync(int year, JudgingSettingsChange change, string idempotencyKey) =>
        SendAsync<JudgingSettings>(HttpMethod.Put, $"/api/judging/{year}/settings", change, idempotencyKey);

    public Task<ApiResult<List<PanelJudge>>> JudgesAsync(int year) => AllAsync<PanelJudge>($"/api/judging/{year}/judges");

    public Task<ApiResult<JudgeCredentials>> AddJudgeAsync(int year, string? fullName, string? unitCode, string idempotencyKey) =>
        SendAsync<JudgeCredentials>(HttpMethod.Post, $"/api/judging/{year}/judges", new { fullName, unitCode }, idempotencyKey);

    public Task<ApiResult<NewCredential>> ResetJudgeCredentialAsync(int year, Guid judgeId, string idempotencyKey) =>
        SendAsync<NewCredential>(HttpMethod.Post, $"/api/judging/{year}/judges/{judgeId}/credential", new { }, idempotencyKey);

    /// <summary>What assigning would do now, saving nothing; confirming right after makes exactly these assignments.</summary>
    public Task<ApiResult<AssignmentRun>> PreviewAssignmentAsync(int year, bool allowUneven) =>
        SendAsync<AssignmentRun>(HttpMethod.Post, $"/api/judging/{year}/assignments?dryRun=true&allowUneven={(allowUneven ? "true" : "false")}");

    public Task<ApiResult<AssignmentRun>> AssignAsync(int year, bool allowUneven, string idempotencyKey) =>
        SendAsync<AssignmentRun>(HttpMethod.Post, $"/api/judging/{year}/assignments?allowUneven={(allowUneven ? "true" : "false")}", null, idempotencyKey);

    public Task<ApiResult<ProgressSummary>> ProgressAsync(int year) => SendAsync<ProgressSummary>(HttpMethod.Get, $"/api/judging/{year}/progress");

    public Task<ApiResult<List<JudgeProgress>>> ProgressByJudgeAsync(int year) => AllAsync<JudgeProgress>($"/api/judging/{year}/progress/judges");

    public Task<ApiResult<List<EntryProgress>>> ProgressByEntryAsync(int year) => AllAsync<EntryProgress>($"/api/judging/{year}/progress/entries");

    public Task<ApiResult<Page<ResultRow>>> FinalizeAsync(int year, string idempotencyKey) =>
        SendAsync<Page<ResultRow>>(HttpMethod.Post, $"/api/judging/{year}/finalize?pageSize=1", null, idempotencyKey);

    public Task<ApiResult<List<ResultRow>>> ResultRowsAsync(int year) => AllAsync<ResultRow>($"/api/judging/{year}/results");

    public Task<ApiResult<CityOutcome>> RecordCityOutcomeAsync(int year, Guid entryId, string? outcome, string idempotencyKey) =>
        SendAsync<CityOutcome>(HttpMethod.Put, $"/api/judging/{year}/entries/{entryId}/city-outcome", new { outcome }, idempotencyKey);
}
