using System.Globalization;

namespace HoanKiem.Web.Api;

/// <summary>Recognition as the secretariat runs it: appraisal, decisions, the movement's titles and the reward table.</summary>
public sealed partial class GatewayApi
{
    public Task<ApiResult<List<NomineeRecord>>> NomineesAsync(int year, string? status = null) =>
        AllAsync<NomineeRecord>($"/api/recognition/{year}/nominees" + (status is null ? "" : $"?status={Uri.EscapeDataString(status)}"));

    public Task<ApiResult<NomineeRecord>> AppraiseAsync(int year, Guid nomineeId, string? outcome, string? note, string idempotencyKey) =>
        SendAsync<NomineeRecord>(HttpMethod.Post, $"/api/recognition/{year}/nominees/{nomineeId}/appraisal", new { outcome, note }, idempotencyKey);

    public Task<ApiResult<List<ProposedUnit>>> ProposedUnitsAsync(int year) => AllAsync<ProposedUnit>($"/api/recognition/{year}/units/proposed");

    public Task<ApiResult<List<Decision>>> DecisionsAsync(int year) => AllAsync<Decision>($"/api/recognition/{year}/decisions");

    public Task<ApiResult<Decision>> DecideAsync(int year, DecisionDraft draft, string idempotencyKey) =>
        SendAsync<Decision>(HttpMethod.Post, $"/api/recognition/{year}/decisions", draft, idempotencyKey);

    public Task<ApiResult<List<Commendation>>> CommendationsAsync(int year) => AllAsync<Commendation>($"/api/recognition/{year}/commendations");

    public Task<ApiResult<Commendation>> CommendAsync(int year, NewCommendation commendation, string idempotencyKey) =>
        SendAsync<Commendation>(HttpMethod.Post, $"/api/recognition/{year}/commendations", commendation, idempotencyKey);

    public Task<ApiResult<RewardTable>> RewardTableAsync() => SendAsync<RewardTable>(HttpMethod.Get, "/api/recognition/reward-table");

    public Task<ApiResult<RewardQuote>> QuoteAsync(string form, DateOnly on, string recipient) =>
        SendAsync<RewardQuote>(HttpMethod.Get,
            $"/api/recognition/reward-table/quote?form={Uri.EscapeDataString(form)}&on={on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&recipient={recipient}");

    public Task<ApiResult<SalaryVersion>> PutBaseSalaryAsync(string effectiveFrom, long? amount, string? basis, string idempotencyKey) =>
        SendAsync<SalaryVersion>(HttpMethod.Put, $"/api/recognition/reward-table/base-salaries/{Uri.EscapeDataString(effectiveFrom)}", new { amount, basis }, idempotencyKey);

    public Task<ApiResult<AwardForm>> PutCoefficientAsync(string form, string effectiveFrom, decimal? coefficient, string? name, string? basis, string idempotencyKey) =>
        SendAsync<AwardForm>(HttpMethod.Put,
            $"/api/recognition/reward-table/forms/{Uri.EscapeDataString(form)}/coefficients/{Uri.EscapeDataString(effectiveFrom)}", new { coefficient, name, basis }, idempotencyKey);

    public Task<ApiResult<RecognitionSummary>> RecognitionSummaryAsync(int year) => SendAsync<RecognitionSummary>(HttpMethod.Get, $"/api/recognition/{year}/summary");
}
