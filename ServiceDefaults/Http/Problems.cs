using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>Builds the contract's problem answers: a status, a stable code, a human title and detail.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var all = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extensions ?? [])
        {
            all[key] = value;
        }
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: all);
    }

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string code = "validation_failed",
        string detail = "One or more fields are invalid.") =>
        Create(StatusCodes.Status400BadRequest, code, "Invalid request", detail, [new("errors", errors)]);

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string code, string detail) =>
        Create(StatusCodes.Status404NotFound, code, "Not found", detail);

    public static ProblemHttpResult Conflict(string code, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        Create(StatusCodes.Status409Conflict, code, "Conflict", detail, extensions);

    public static ProblemHttpResult Unprocessable(string code, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, "Rule not met", detail, extensions);

    /// <summary>The contract's 256 KB body limit, however it was noticed (declared length, Kestrel, the gateway).</summary>
    public static ProblemHttpResult PayloadTooLarge() =>
        Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", TitleFor(StatusCodes.Status413PayloadTooLarge),
            $"The request body is larger than {ServiceDefaultsExtensions.MaxRequestBodyBytes / 1024} KB.");

    public static ProblemHttpResult Forbidden(string detail = "Your role or unit does not allow this call.") =>
        Create(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", detail);

    internal static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        429 => "rate_limited",
        _ when status >= 500 => "internal_error",
        _ => "error"
    };

    internal static string TitleFor(int status) => status switch
    {
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        413 => "Request body too large",
        429 => "Too many requests",
        _ when status >= 500 => "Internal error",
        _ => "Request failed"
    };
}
