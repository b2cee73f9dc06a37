using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Outbox;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Telemetry;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every HoanKiem process shares: telemetry, health, discovery, resilience, errors and tokens.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    /// <summary>The contract's request body limit (API.md: 256 KB).</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // SQLite makes a writer wait for another process's writer (a replica) by blocking a thread; on 2 cores the pool's
        // slow growth would otherwise let a burst of such waits (a consumer backlog after an outage) delay /health.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = VietnameseText.JsonEncoder;
            o.SerializerOptions.Converters.Add(new UnicodeTextConverter());
        });
        builder.AddProblemResponses();
        builder.AddTokenAuthentication();
        builder.Services.AddApiDocumentation();
        return builder;
    }

    public const string TraceSampleRatioKey = "Telemetry:TraceSampleRatio";
    public const string TracesPerSecondKey = "Telemetry:TracesPerSecond";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Every SQL statement at Information would drown the domain's own logs; failures still log as errors.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        // Likewise every HTTP attempt through the resilience handler, the telemetry export's every 5 s among them;
        // retries and failures still log as warnings.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Every span costs CPU in this process and in the dashboard that stores it; under load a few traces a second
        // (the gateway decides, the services follow its choice) are enough to follow requests. Default: every trace,
        // up to 2 new ones a second per process after a burst of 10, as the dashboard's share of the CPU grows with the
        // spans it stores (bench/RESULTS.md).
        var traceSampleRatio = Math.Clamp(builder.Configuration.GetValue(TraceSampleRatioKey, 1.0), 0.0, 1.0);
        var tracesPerSecond = builder.Configuration.GetValue(TracesPerSecondKey, 2.0);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "HoanKiem.*"))
            .WithTracing(tracing => tracing
                .SetSampler(services => new ParentBasedSampler(new TraceBudgetSampler(
                    new TraceIdRatioBasedSampler(traceSampleRatio), tracesPerSecond, services.GetService<TimeProvider>() ?? TimeProvider.System)))
                .AddSource(builder.Environment.ApplicationName, "MassTransit", OutboxTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/alive"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// Health, liveness and the OpenAPI document; a service (<paramref name="namesMatchedRoute"/>) also names the route
    /// that served each request for the gateway (<see cref="MatchedRoute"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, bool namesMatchedRoute = true)
    {
        if (namesMatchedRoute)
        {
            app.UseMatchedRouteHeader();
        }
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag) || check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync
        }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync
        }).AllowAnonymous();
        return app;
    }
}
