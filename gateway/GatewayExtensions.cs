using System.Threading.RateLimiting;
using HoanKiem.Gateway.Apis;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace HoanKiem.Gateway;

public static class GatewayExtensions
{
    public const string PerClientRateLimit = "per-client";
    /// <summary>Anonymous reads (public tallies, a contest, its exemplary articles, the API documents): by address, tighter than a client's.</summary>
    public const string PerAddressRateLimit = "per-address";
    public const string PublicTalliesCache = "public-tallies";

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

        var clients = RateLimit.Read(builder.Configuration.GetSection("RateLimits"), 100, 200);
        var anonymous = RateLimit.Read(builder.Configuration.GetSection("RateLimits:Anonymous"), 20, 40);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerClientRateLimit, context => clients.Partition(ClientKey(context)));
            options.AddPolicy(PerAddressRateLimit, context => anonymous.Partition($"ip:{context.Connection.RemoteIpAddress}"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var permitsPerSecond = policy == PerAddressRateLimit ? anonymous.PermitsPerSecond : clients.PermitsPerSecond;
                await Problems.Create(StatusCodes.Status429TooManyRequests, "rate_limited", Messages.RateLimited(permitsPerSecond))
                    .ExecuteAsync(context.HttpContext);
            };
        });

        // The public tallies are what everyone reloads: one answer per URL for a few seconds, never one sent with a token.
        var talliesFor = TimeSpan.FromSeconds(builder.Configuration.GetValue("Gateway:PublicTalliesCacheSeconds", 10));
        builder.Services.AddOutputCache(options => options.AddPolicy(PublicTalliesCache, policy => policy.Expire(talliesFor).SetVaryByQuery("*")));
        builder.AddTrustedProxies();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            // Stored text may hold markup people typed; browsers must never sniff a JSON answer into HTML.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        // The issuer reads its forms while authenticating; every other body is read only once the caller is let in.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/connect"), issuer => issuer.Use(RefuseOversizedBodies));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.Use(RefuseOversizedBodies);
        app.UseAntiforgery();
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

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi($"/openapi/{ResourceNames.Gateway}.json").AllowAnonymous().RequireRateLimiting(PerAddressRateLimit);
        app.MapScalarApiReference("/api-reference", options =>
        {
            options.Title = "HoanKiem.Aspire — Người tốt, việc tốt API";
            foreach (var service in ResourceNames.Services)
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
        }).AllowAnonymous().RequireRateLimiting(PerAddressRateLimit);
        return app;
    }

    /// <summary>Tokens partition by client; anonymous callers by address.</summary>
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

    /// <summary>A token bucket: so many permits a second, up to a burst.</summary>
    private sealed record RateLimit(int PermitsPerSecond, int Burst)
    {
        public static RateLimit Read(IConfiguration section, int permitsPerSecond, int burst) =>
            new(section.GetValue("PermitsPerSecond", permitsPerSecond), section.GetValue("Burst", burst));

        public RateLimitPartition<string> Partition(string key) => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true
        });
    }

    private static Task TooLarge(HttpContext context)
    {
        context.Response.Headers.Connection = "close";
        return Problems.PayloadTooLarge().ExecuteAsync(context);
    }
}
