using System.Diagnostics;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>
/// Every error any HoanKiem process answers is RFC 9457 problem+json with a stable snake_case <c>code</c>
/// and a <c>traceId</c>; nothing internal (stack, SQL, type names) reaches the client.
/// </summary>
public static class ProblemResponses
{
    public static IHostApplicationBuilder AddProblemResponses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (context.Exception?.InnerException is TextRefusedException refused)
            {
                // The developer exception page writes the unbound body's problem itself (the handler below never sees it).
                var answer = RefusedText(refused).ProblemDetails;
                (problem.Status, problem.Title, problem.Detail) = (answer.Status, answer.Title, answer.Detail);
                foreach (var (key, value) in answer.Extensions)
                {
                    problem.Extensions[key] = value;
                }
                context.HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            var language = Language.Of(context.HttpContext.Request);
            problem.Extensions.TryAdd("code", Problems.CodeFor(status));
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (problem is WordedProblemDetails worded)
            {
                problem.Title = worded.TitleWording.In(language);
                problem.Detail = worded.DetailWording?.In(language);
            }
            else
            {
                // Answers made by the framework (no route, no token, a failure) carry only a status and its stock English.
                problem.Title = Messages.TitleFor(status).In(language);
                problem.Detail ??= Messages.DetailFor(status)?.In(language);
            }
            context.HttpContext.Response.Headers.ContentLanguage = language;
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddTransient<IStartupFilter, ProblemResponsesStartupFilter>();
        return builder;
    }

    /// <summary>
    /// Well-formed JSON whose text holds what text may not (see <see cref="UnicodeTextConverter"/>): 422
    /// <c>invalid_text</c> naming the field, not a malformed request.
    /// </summary>
    private static ProblemHttpResult RefusedText(TextRefusedException refused)
    {
        var field = refused.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "$";
        return Problems.Create(StatusCodes.Status422UnprocessableEntity, "invalid_text", Messages.InvalidText(field),
            [new("errors", new Dictionary<string, string[]> { [field] = [refused.Message] })]);
    }

    private sealed class ProblemResponsesStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.Use((context, nextMiddleware) =>
            {
                // The idempotency filter hashes the raw body after model binding has read it.
                if (context.Request.Headers.ContainsKey(Idempotency.HeaderName))
                {
                    context.Request.EnableBuffering();
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// Malformed JSON, wrong types and oversized bodies are the client's fault: 400 or 413, never 500; refused text is 422.
    /// </summary>
    private sealed class BadRequestExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException badRequest || context.Response.HasStarted)
            {
                return false;
            }
            var problem = badRequest.InnerException is TextRefusedException refused ? RefusedText(refused)
                : badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.PayloadTooLarge()
                : Problems.Create(StatusCodes.Status400BadRequest, "malformed_request", Messages.MalformedRequest);
            await problem.ExecuteAsync(context);
            return true;
        }
    }
}
