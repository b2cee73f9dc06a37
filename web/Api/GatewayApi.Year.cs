namespace HoanKiem.Web.Api;

/// <summary>The secretariat's year: units and quotas, the contest's rules, entries, refusals, staff, the audit trail, the year's figures.</summary>
public sealed partial class GatewayApi
{
    public Task<ApiResult<List<UnitAccount>>> UnitAccountsAsync() => AllAsync<UnitAccount>("/api/units");

    public Task<ApiResult<UnitCredentials>> RegisterUnitAsync(string code, string name, string kind, string idempotencyKey) =>
        SendAsync<UnitCredentials>(HttpMethod.Post, "/api/units", new { code, name, kind }, idempotencyKey);

    public Task<ApiResult<UnitAccount>> UpdateUnitAsync(string code, string? name, bool? active, string idempotencyKey) =>
        SendAsync<UnitAccount>(HttpMethod.Patch, $"/api/units/{Uri.EscapeDataString(code)}", new { name, active }, idempotencyKey);

    public Task<ApiResult<IssuedCredential>> ResetUnitCredentialAsync(string code, string idempotencyKey) =>
        SendAsync<IssuedCredential>(HttpMethod.Post, $"/api/units/{Uri.EscapeDataString(code)}/credential", new { }, idempotencyKey);

    public Task<ApiResult<SetQuota>> SetQuotaAsync(int year, string unitCode, int target, string idempotencyKey) =>
        SendAsync<SetQuota>(HttpMethod.Put, $"/api/contests/{year}/quotas/{Uri.EscapeDataString(unitCode)}", new { target }, idempotencyKey);

    public Task<ApiResult<ContestSettings>> PutContestAsync(int year, ContestSettings contest, string idempotencyKey) =>
        SendAsync<ContestSettings>(HttpMethod.Put, $"/api/contests/{year}", contest, idempotencyKey);

    public Task<ApiResult<Page<Entry>>> SearchEntriesAsync(int year, EntryFilter filter, int pageSize)
    {
        var query = new[] { ("unitCode", filter.UnitCode), ("status", filter.Status), ("field", filter.Field), ("month", filter.Month), ("q", filter.Q) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}")
            .Append($"page={Math.Max(1, filter.Page)}&pageSize={pageSize}");
        return SendAsync<Page<Entry>>(HttpMethod.Get, $"/api/contests/{year}/entries?{string.Join('&', query)}");
    }

    public Task<ApiResult<RefusalText>> RefusalTextAsync(int year, Guid id) => SendAsync<RefusalText>(HttpMethod.Get, $"/api/contests/{year}/refusals/{id}");

    public Task<ApiResult<YearFigures>> YearFiguresAsync(int year) => SendAsync<YearFigures>(HttpMethod.Get, $"/api/reports/{year}/summary");

    public Task<ApiResult<JudgingProgressFigures>> JudgingProgressFiguresAsync(int year) =>
        SendAsync<JudgingProgressFigures>(HttpMethod.Get, $"/api/judging/{year}/progress");

    public Task<ApiResult<RecognitionFigures>> RecognitionFiguresAsync(int year) =>
        SendAsync<RecognitionFigures>(HttpMethod.Get, $"/api/recognition/{year}/summary");

    public Task<ApiResult<List<SignedDecision>>> SignedDecisionsAsync(int year) => AllAsync<SignedDecision>($"/api/recognition/{year}/decisions");

    public Task<ApiResult<List<StaffAccount>>> StaffAccountsAsync() => AllAsync<StaffAccount>("/api/staff");

    public Task<ApiResult<StaffCredentials>> CreateStaffAsync(string fullName, string position, string idempotencyKey) =>
        SendAsync<StaffCredentials>(HttpMethod.Post, "/api/staff", new { fullName, position }, idempotencyKey);

    public Task<ApiResult<IssuedCredential>> ResetStaffCredentialAsync(string id, string idempotencyKey) =>
        SendAsync<IssuedCredential>(HttpMethod.Post, $"/api/staff/{Uri.EscapeDataString(id)}/credential", new { }, idempotencyKey);

    public Task<ApiResult<System.Text.Json.JsonElement>> DisableStaffCredentialAsync(string id, string idempotencyKey) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Delete, $"/api/staff/{Uri.EscapeDataString(id)}/credential", null, idempotencyKey);

    /// <summary>One service's audit trail (submission, judging, recognition or reporting), narrowed by person and subject, newest page last.</summary>
    public Task<ApiResult<List<AuditEntry>>> AuditAsync(string service, int year, string? actor, string? subjectType, string? subjectId)
    {
        var prefix = service switch
        {
            "recognition" => $"/api/recognition/{year}",
            "reporting" => "/api/reports",
            _ => $"/api/{service}"
        };
        var query = new[] { ("actor", actor), ("subjectType", subjectType), ("subjectId", subjectId) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}")
            // Submission's accounts belong to no year; judging keeps every year's trail at one address.
            .Append(service == "judging" ? $"year={year}" : "");
        return AllAsync<AuditEntry>($"{prefix}/audit?{string.Join('&', query.Where(q => q.Length > 0))}");
    }
}
