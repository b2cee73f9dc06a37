using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>Builds the contract's problem answers: a status, a stable code, a title and detail from <see cref="Messages"/>.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, Message? detail = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var title = Messages.TitleFor(status);
        var problem = new WordedProblemDetails(title, detail)
        {
            Status = status,
            Title = title.Vi,
            Detail = detail?.Vi,
            Extensions = { ["code"] = code }
        };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string code = "validation_failed", Message? detail = null) =>
        Create(StatusCodes.Status400BadRequest, code, detail ?? Messages.InvalidFields, [new("errors", errors)]);

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string code, Message detail) =>
        Create(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult NotFound(string code, Message detail, IEnumerable<KeyValuePair<string, object?>> extensions) =>
        Create(StatusCodes.Status404NotFound, code, detail, extensions);

    public static ProblemHttpResult Conflict(string code, Message detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        Create(StatusCodes.Status409Conflict, code, detail, extensions);

    public static ProblemHttpResult Unprocessable(string code, Message detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, detail, extensions);

    public static ProblemHttpResult Forbidden(Message? detail = null, string code = "forbidden") =>
        Create(StatusCodes.Status403Forbidden, code, detail ?? Messages.Forbidden);

    /// <summary>The contract's 256 KB body limit, however it was noticed (declared length, Kestrel, the gateway).</summary>
    public static ProblemHttpResult PayloadTooLarge() =>
        Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", Messages.TooLarge(ServiceDefaultsExtensions.MaxRequestBodyBytes / 1024));

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
}

/// <summary>
/// A problem written in both languages; <see cref="ProblemResponses"/> picks one from the request's
/// <c>Accept-Language</c> when the answer is written. Without that step it reads in Vietnamese, the default.
/// </summary>
public sealed class WordedProblemDetails(Message title, Message? detail) : ProblemDetails
{
    [JsonIgnore]
    public Message TitleWording { get; } = title;

    [JsonIgnore]
    public Message? DetailWording { get; } = detail;
}
