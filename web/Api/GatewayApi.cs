using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace HoanKiem.Web.Api;

/// <summary>
/// The public API, called through the gateway as the signed-in person: their access token, kept in the session,
/// goes with every call. Pages get either the answer or the API's problem, never an exception for a refusal.
/// </summary>
public sealed partial class GatewayApi(HttpClient http, IHttpContextAccessor accessor, ILogger<GatewayApi> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Task<string?>? token;

    public Task<ApiResult<Contest>> ContestAsync(int year) => SendAsync<Contest>(HttpMethod.Get, $"/api/contests/{year}");

    public Task<ApiResult<List<Quota>>> QuotasAsync(int year) => AllAsync<Quota>($"/api/contests/{year}/quotas");

    public Task<ApiResult<List<UnitTally>>> TalliesAsync(int year, string? month = null) =>
        AllAsync<UnitTally>($"/api/reports/{year}/tallies" + (month is null ? "" : $"?month={Uri.EscapeDataString(month)}"));

    public Task<ApiResult<ExemplaryArticles>> ExemplaryArticlesAsync(int year) =>
        SendAsync<ExemplaryArticles>(HttpMethod.Get, $"/api/contests/{year}/exemplary-articles");

    public Task<ApiResult<List<Entry>>> EntriesAsync(int year) => AllAsync<Entry>($"/api/contests/{year}/entries");

    public Task<ApiResult<Entry>> EntryAsync(int year, Guid id) => SendAsync<Entry>(HttpMethod.Get, $"/api/contests/{year}/entries/{id}");

    public Task<ApiResult<List<RefusedAttempt>>> RefusalsAsync(int year) => AllAsync<RefusedAttempt>($"/api/contests/{year}/refusals");

    public Task<ApiResult<EntryReceipt>> SubmitAsync(int year, NewEntry entry, string idempotencyKey) =>
        SendAsync<EntryReceipt>(HttpMethod.Post, $"/api/contests/{year}/entries", entry, idempotencyKey);

    public Task<ApiResult<JsonElement>> WithdrawAsync(int year, Guid id, string idempotencyKey) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"/api/contests/{year}/entries/{id}", null, idempotencyKey);

    public Task<ApiResult<List<UnitNominee>>> MyNomineesAsync(int year) => AllAsync<UnitNominee>($"/api/recognition/{year}/nominees/mine");

    public Task<ApiResult<List<Assignment>>> AssignmentsAsync(int year) => AllAsync<Assignment>($"/api/judging/{year}/assignments/mine");

    public Task<ApiResult<PanelSettings>> SettingsAsync(int year) => SendAsync<PanelSettings>(HttpMethod.Get, $"/api/judging/{year}/settings");

    public Task<ApiResult<ScoreReceipt>> ScoreAsync(int year, Guid entryId, IReadOnlyDictionary<string, decimal> scores, string? comment, string idempotencyKey) =>
        SendAsync<ScoreReceipt>(HttpMethod.Put, $"/api/judging/{year}/entries/{entryId}/scores/mine", new { scores, comment }, idempotencyKey);

    public Task<ApiResult<List<RankedEntry>>> ResultsAsync(int year) => AllAsync<RankedEntry>($"/api/judging/{year}/results");

    /// <summary>Every item of a paged list, 200 at a time.</summary>
    private async Task<ApiResult<List<T>>> AllAsync<T>(string path)
    {
        var items = new List<T>();
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var answer = await SendAsync<Page<T>>(HttpMethod.Get, $"{path}{separator}page={page}&pageSize=200");
            if (answer.Problem is { } problem)
            {
                return new(null, problem);
            }
            items.AddRange(answer.Value!.Items);
            if (items.Count >= answer.Value.Total || answer.Value.Items.Count == 0)
            {
                return new(items, null);
            }
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.AcceptLanguage.ParseAdd("vi");
        // A page starts several calls at once: they share one read of the session's token.
        token ??= accessor.HttpContext is { } context ? context.GetTokenAsync("access_token") : Task.FromResult<string?>(null);
        if (await token is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }
        try
        {
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                    ? new(default, null)
                    : new(await response.Content.ReadFromJsonAsync<T>(Json), null);
            }
            return new(default, await ProblemAsync(response));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            logger.LogWarning(exception, "The gateway did not answer {Method} {Path}", method, path);
            return new(default, ApiProblem.Unavailable(HttpStatusCode.ServiceUnavailable));
        }
    }

    private static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return ApiProblem.Unavailable(response.StatusCode) with { Code = $"http_{(int)response.StatusCode}" };
        }
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        string? Text(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var errors = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.Deserialize<Dictionary<string, string[]>>(Json) ?? []
            : [];
        return new ApiProblem(response.StatusCode, Text("code") ?? $"http_{(int)response.StatusCode}", Text("title"), Text("detail"), errors, body);
    }
}
