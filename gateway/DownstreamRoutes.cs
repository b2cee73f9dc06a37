using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Yarp.ReverseProxy.Transforms;

namespace HoanKiem.Gateway;

/// <summary>
/// Names the gateway's request after the service's route that served it (<c>POST /api/contests/{year}/entries</c>)
/// rather than the proxy's catch-all (<c>/api/contests/{**rest}</c>): the span's name and <c>http.route</c>, and the
/// request-duration metric's <c>http.route</c>, all come from the endpoint's route metadata when the request ends, so
/// the request continues on a copy of its endpoint that carries the service's route (in the contract's form, without
/// constraints). A request the gateway answers itself (401, 429, 413) keeps the catch-all.
/// </summary>
public static partial class DownstreamRoutes
{
    // One copy per proxy route and service route, both finite sets fixed by the code.
    private static readonly ConcurrentDictionary<(Endpoint Endpoint, string Route), Endpoint> Endpoints = new();

    public static IReverseProxyBuilder NameRequestsAfterDownstreamRoutes(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(transforms => transforms.AddResponseTransform(context =>
        {
            var headers = context.HttpContext.Response.Headers;
            var route = headers[MatchedRoute.HeaderName].ToString();
            headers.Remove(MatchedRoute.HeaderName);
            if (route.Length > 0 && context.HttpContext.GetEndpoint() is { } endpoint)
            {
                context.HttpContext.SetEndpoint(Endpoints.GetOrAdd((endpoint, ContractForm(route)), key => new Endpoint(
                    key.Endpoint.RequestDelegate,
                    new EndpointMetadataCollection([.. key.Endpoint.Metadata, new ServiceRoute(key.Route)]),
                    key.Endpoint.DisplayName)));
            }
            return ValueTask.CompletedTask;
        }));

    /// <summary><c>/api/contests/{year:int}/entries/</c> → <c>/api/contests/{year}/entries</c>.</summary>
    public static string ContractForm(string route)
    {
        var plain = Constraint().Replace(route, "{$1}");
        return plain.Length > 1 ? plain.TrimEnd('/') : plain;
    }

    [GeneratedRegex(@"\{(\**[A-Za-z_][A-Za-z0-9_]*\??)(?::[^{}]*)?(?:=[^{}]*)?\}")]
    private static partial Regex Constraint();

    private sealed record ServiceRoute(string Route) : IRouteDiagnosticsMetadata;
}
