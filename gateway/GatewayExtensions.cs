using System.Threading.RateLimiting;
using HoanKiem.Gateway.Apis;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace HoanKiem.Gateway;

public static class GatewayExtensions
{
    public const string PerClientRateLimit = "per-client";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<OpenApiOptions>(ApiDocumentation.DocumentName, o => o.AddDocumentTransformer(TokenDocumentation.DescribeTokenEndpoint));
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .NameRequestsAfterDownstreamRoutes();
        foreach (var service in new[] { ResourceNames.Submission, ResourceNames.Judging })
        {
            builder.Services.AddHttpClient(service, client => client.BaseAddress = new Uri($"http://{service}"));
        }

        var limits = builder.Configuration.GetSection("RateLimits");
        var permitsPerSecond = limits.GetValue("PermitsPerSecond", 100);
        var burst = limits.GetValue("Burst", 200);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerClientRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                ClientKey(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = permitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await Problems.Create(StatusCodes.Status429TooManyRequests, "rate_limited", Messages.RateLimited(permitsPerSecond))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Stored text may hold markup people typed; browsers must never sniff a JSON answer into HTML.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.Use(RefuseOversizedBodies);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Paths under /api and /internal that no service serves answer the contract's 404 problem rather than falling
    /// through to the web app's page, and /internal is never proxied at all.
    /// </summary>
    public static WebApplication MapUnknownApiPaths(this WebApplication app)
    {
        foreach (var pattern in new[] { "/api/{**rest}", "/internal/{**rest}" })
        {
            app.Map(pattern, () => Problems.NotFound("not_found", Messages.DetailFor(StatusCodes.Status404NotFound)!))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>The services whose documents the gateway proxies at /openapi/{service}.json, beside its own.</summary>
    public static readonly string[] DocumentedServices = [ResourceNames.Submission, ResourceNames.Judging, ResourceNames.Recognition, ResourceNames.Reporting];

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi($"/openapi/{ResourceNames.Gateway}.json").AllowAnonymous();
        app.MapScalarApiReference("/api-reference", options =>
        {
            options.Title = "HoanKiem.Aspire — Người tốt, việc tốt API";
            foreach (var service in DocumentedServices)
            {
                options.AddDocument(service, service, $"/openapi/{service}.json", isDefault: service == ResourceNames.Submission);
            }
            options.AddDocument(ResourceNames.Gateway, "gateway (tokens)", $"/openapi/{ResourceNames.Gateway}.json");
            // "Try it" asks the gateway for a token with the credentials typed in, sent in the form as the endpoint reads them.
            options.AddPreferredSecuritySchemes([ApiDocumentation.SecurityScheme])
                .AddClientCredentialsFlow(ApiDocumentation.SecurityScheme, flow =>
                {
                    flow.ClientId = Roles.Secretariat;
                    flow.CredentialsLocation = CredentialsLocation.Body;
                });
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Tokens partition by client; anonymous callers (the public tallies) by address.</summary>
    private static string ClientKey(HttpContext context) =>
        context.User.Caller().ClientId is { Length: > 0 } client
            ? $"client:{client}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    /// <summary>
    /// Refuses bodies over the contract's limit with a 413 problem before anything is forwarded, also when the
    /// client streams without a Content-Length (which the proxy would otherwise report as a 400 mid-forward).
    /// </summary>
    private static async Task RefuseOversizedBodies(HttpContext context, RequestDelegate next)
    {
        const long limit = ServiceDefaultsExtensions.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await TooLarge(context);
            return;
        }
        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            // Kestrel's own limit would cut the stream at the contract's limit; this check enforces that limit itself
            // and lets the drain below read a little further.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = 4 * limit;
            }
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            try
            {
                while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        await DrainAsync(request.Body, chunk, context.RequestAborted);
                        await TooLarge(context);
                        return;
                    }
                    buffer.Write(chunk, 0, read);
                }
            }
            catch (BadHttpRequestException)
            {
                await TooLarge(context);
                return;
            }
            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }
        await next(context);
    }

    /// <summary>
    /// Reads on (up to a bound) so a client still streaming gets the 413 instead of a broken pipe; past the bound the
    /// connection closes, which the contract allows.
    /// </summary>
    private static async Task DrainAsync(Stream body, byte[] chunk, CancellationToken cancellationToken)
    {
        long drained = 0;
        int read;
        while (drained < 3 * ServiceDefaultsExtensions.MaxRequestBodyBytes && (read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            drained += read;
        }
    }

    private static Task TooLarge(HttpContext context)
    {
        context.Response.Headers.Connection = "close";
        return Problems.PayloadTooLarge().ExecuteAsync(context);
    }
}
