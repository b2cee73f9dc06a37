using System.Text.Json;

namespace HoanKiem.Client;

/// <summary>
/// Any answer the documents do not give as a success: the status, the raw body and, for the contract's problem+json,
/// its stable <c>code</c>. The generated clients of every service throw this one type.
/// </summary>
public class ApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
    : Exception($"{message} ({statusCode}): {Shorten(response)}", innerException)
{
    public int StatusCode { get; } = statusCode;
    public string? Response { get; } = response;
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; } = headers;

    /// <summary>
    /// The problem's <c>code</c> (e.g. <c>duplicate_entry</c>), or the token endpoint's RFC 6749 <c>error</c>
    /// (e.g. <c>invalid_client</c>); null for any other body.
    /// </summary>
    public string? Code => Problem() is { } body && (body.TryGetProperty("code", out var code) || body.TryGetProperty("error", out code))
        ? code.GetString()
        : null;

    /// <summary>The body as a JSON object, or null.</summary>
    public JsonElement? Problem()
    {
        try
        {
            return Response is { Length: > 0 } text && JsonDocument.Parse(text).RootElement is { ValueKind: JsonValueKind.Object } root ? root.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string? text) => text is { Length: > 500 } ? text[..500] + "…" : text ?? "";
}

/// <summary>A documented refusal, with the body read as the document's type.</summary>
public class ApiException<TResult>(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
    : ApiException(message, statusCode, response, headers, innerException)
{
    public TResult Result { get; } = result;
}
