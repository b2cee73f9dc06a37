using System.Net;
using System.Text.Json;

namespace HoanKiem.Web.Api;

/// <summary>An application/problem+json answer: its stable <c>code</c>, its text, and the members a page may show.</summary>
public sealed record ApiProblem(HttpStatusCode Status, string Code, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, JsonElement Body)
{
    public int? Int(string member) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(member, out var v) && v.TryGetInt32(out var i) ? i : null;

    public DuplicateOf? DuplicateOf =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("duplicateOf", out var v) && v.ValueKind == JsonValueKind.Object
            ? v.Deserialize<DuplicateOf>(GatewayApi.Json)
            : null;

    /// <summary>When the gateway cannot be reached or answers with something other than a problem.</summary>
    public static ApiProblem Unavailable(HttpStatusCode status) =>
        new(status, "unavailable", "Hệ thống đang bận", "Không kết nối được với hệ thống; xin thử lại sau ít phút.", new Dictionary<string, string[]>(), default);
}

/// <summary>Either what the API answered or the problem it gave.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;
}
