namespace HoanKiem.Web.Api;

/// <summary>The city round: the batches of articles the district forwards to the city.</summary>
public sealed partial class GatewayApi
{
    public Task<ApiResult<List<ForwardingBatchSummary>>> ForwardingBatchesAsync(int year) =>
        SendAsync<List<ForwardingBatchSummary>>(HttpMethod.Get, $"/api/contests/{year}/forwarding-batches");

    public Task<ApiResult<ForwardingBatch>> ForwardingBatchAsync(int year, Guid id) =>
        SendAsync<ForwardingBatch>(HttpMethod.Get, $"/api/contests/{year}/forwarding-batches/{id}");

    public Task<ApiResult<ForwardingBatch>> ForwardEntriesAsync(int year, string label, IReadOnlyList<Guid> entryIds, string idempotencyKey) =>
        SendAsync<ForwardingBatch>(HttpMethod.Post, $"/api/contests/{year}/forwarding-batches", new { label, entryIds }, idempotencyKey);
}
