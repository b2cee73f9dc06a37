using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>
/// A service names the route that served a request in a response header: the gateway's proxy routes are catch-alls
/// (<c>/api/contests/{**rest}</c>), so it names its own span and <c>http.route</c> after this instead, and removes the
/// header before the answer leaves.
/// </summary>
public static class MatchedRoute
{
    public const string HeaderName = "X-Matched-Route";

    public static WebApplication UseMatchedRouteHeader(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Routing has chosen the endpoint by the time the answer starts, whichever middleware ends the request.
            context.Response.OnStarting(() =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<IRouteDiagnosticsMetadata>()?.Route is { Length: > 0 } route)
                {
                    context.Response.Headers[HeaderName] = route;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
