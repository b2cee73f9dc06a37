namespace HoanKiem.Web.Api;

/// <summary>Money by the rules: the year's prize money, a decision priced before it is signed, one decision and one nominee read whole.</summary>
public sealed partial class GatewayApi
{
    public Task<ApiResult<List<PrizeMoney>>> PrizeMoneyAsync(int year) => SendAsync<List<PrizeMoney>>(HttpMethod.Get, $"/api/recognition/{year}/prizes");

    public Task<ApiResult<PrizeMoney>> SetPrizeMoneyAsync(int year, string prize, long? amount, string idempotencyKey) =>
        SendAsync<PrizeMoney>(HttpMethod.Put, $"/api/recognition/{year}/prizes/{Uri.EscapeDataString(prize)}", new { amount }, idempotencyKey);

    public Task<ApiResult<List<Award>>> AwardsAsync(int year) => AllAsync<Award>($"/api/recognition/{year}/awards");

    public Task<ApiResult<DecisionPreview>> PreviewDecisionAsync(int year, DecisionDraft draft) =>
        SendAsync<DecisionPreview>(HttpMethod.Post, $"/api/recognition/{year}/decisions/preview", draft);

    public Task<ApiResult<DecisionRecord>> DecisionAsync(int year, Guid id) => SendAsync<DecisionRecord>(HttpMethod.Get, $"/api/recognition/{year}/decisions/{id}");

    public Task<ApiResult<NomineeRecord>> NomineeAsync(int year, Guid id) => SendAsync<NomineeRecord>(HttpMethod.Get, $"/api/recognition/{year}/nominees/{id}");

    public Task<ApiResult<System.Text.Json.JsonElement>> DisableJudgeCredentialAsync(int year, Guid judgeId, string idempotencyKey) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Delete, $"/api/judging/{year}/judges/{judgeId}/credential", null, idempotencyKey);
}
