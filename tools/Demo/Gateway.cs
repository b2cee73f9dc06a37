using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HoanKiem.Demo;

/// <summary>The answer to one call: its status, and its JSON body (a problem's <c>code</c> when it failed).</summary>
public sealed record Reply(HttpStatusCode Status, JsonElement Body)
{
    public bool Ok => (int)Status is >= 200 and < 300;
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    public JsonElement Expect(params HttpStatusCode[] expected) =>
        expected.Contains(Status) ? Body : throw new DemoException($"Expected {string.Join(" or ", expected.Select(s => (int)s))}, got {(int)Status}: {Body}");
}

public sealed class DemoException(string message) : Exception(message);

/// <summary>Calls the gateway as a portal or a script would: bearer tokens, JSON, and an Idempotency-Key on every write.</summary>
public sealed class Gateway(HttpClient http)
{
    public Uri Address => http.BaseAddress!;

    public async Task<string> TokenAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret
        }), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoException($"The gateway refused the credentials of '{clientId}' ({(int)response.StatusCode}): {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public Task<Reply> GetAsync(string path, string? token, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, token, cancellationToken);

    public Task<Reply> PostAsync(string path, object? body, string token, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, token, cancellationToken);

    public Task<Reply> PutAsync(string path, object body, string token, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, token, cancellationToken);

    /// <summary>Every item of a paged list, 200 at a time.</summary>
    public async Task<List<JsonElement>> AllAsync(string path, string token, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var body = (await GetAsync($"{path}{separator}page={page}&pageSize=200", token, cancellationToken)).Expect(HttpStatusCode.OK);
            items.AddRange(body.GetProperty("items").EnumerateArray());
            if (items.Count >= body.GetProperty("total").GetInt32() || body.GetProperty("items").GetArrayLength() == 0)
            {
                return items;
            }
        }
    }

    private async Task<Reply> SendAsync(HttpMethod method, string path, object? body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (method != HttpMethod.Get)
        {
            // A real portal retries a write with the same key after a timeout; the demo gives each write its own.
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            request.Content = body is null ? null : JsonContent.Create(body, options: Json);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Reply(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
