using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace HoanKiem.Gateway;

/// <summary>
/// The proxies in front of the gateway (<c>Gateway:TrustedProxies</c>, none by default). Only their
/// <c>X-Forwarded-For</c>/<c>-Proto</c> and trace context are believed: anyone else could name any address to escape
/// its rate limit, or a trace id and baggage to force sampling and reach the services' spans.
/// </summary>
public static class TrustedProxies
{
    public const string ConfigurationKey = "Gateway:TrustedProxies";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var proxies = (builder.Configuration.GetSection(ConfigurationKey).Get<string[]>() ?? [])
            .Select(IPAddress.Parse)
            .ToHashSet();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts every loopback address unless told otherwise; here only the configured ones count.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<DistributedContextPropagator>(services => new TrustedTraceContext(
            DistributedContextPropagator.Current, services.GetRequiredService<IHttpContextAccessor>(), proxies));
        // OpenTelemetry's ASP.NET Core instrumentation reads the headers once more with its own propagator.
        Sdk.SetDefaultTextMapPropagator(new TrustedTextMapPropagator(
            new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]), proxies));
        return builder;
    }

    /// <summary>
    /// Reads an incoming <c>traceparent</c>, <c>tracestate</c> and <c>baggage</c> only from a trusted proxy; from anyone
    /// else the request starts a trace of its own. What goes on to the services is written as before.
    /// </summary>
    private sealed class TrustedTraceContext(DistributedContextPropagator inner, IHttpContextAccessor accessor, HashSet<IPAddress> proxies)
        : DistributedContextPropagator
    {
        public override IReadOnlyCollection<string> Fields => inner.Fields;

        public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) =>
            inner.Inject(activity, carrier, setter);

        public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
        {
            traceId = traceState = null;
            if (FromTrustedProxy())
            {
                inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);
            }
        }

        public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
            FromTrustedProxy() ? inner.ExtractBaggage(carrier, getter) : null;

        // The hosting layer extracts while it makes the request's context, which the accessor already holds.
        private bool FromTrustedProxy() => Trusts(proxies, accessor.HttpContext);
    }

    private sealed class TrustedTextMapPropagator(TextMapPropagator inner, HashSet<IPAddress> proxies) : TextMapPropagator
    {
        public override ISet<string>? Fields => inner.Fields;

        public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter) =>
            inner.Inject(context, carrier, setter);

        public override PropagationContext Extract<T>(PropagationContext context, T carrier, Func<T, string, IEnumerable<string>?> getter) =>
            carrier is HttpRequest request && Trusts(proxies, request.HttpContext) ? inner.Extract(context, carrier, getter) : context;
    }

    /// <summary>Whether the connection (not a header) comes from a trusted proxy.</summary>
    private static bool Trusts(HashSet<IPAddress> proxies, HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } address && proxies.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
