using System.Collections.Concurrent;
using System.Diagnostics;
using HoanKiem.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>The trace budget, through the real OpenTelemetry SDK as <c>ConfigureOpenTelemetry</c> sets it up in every service.</summary>
[Collection(nameof(RecordsActivities))]
public sealed class TraceSamplingTests : IAsyncLifetime
{
    private const string ServiceName = "trace-budget";
    private readonly FakeTimeProvider clock = new();
    private readonly ConcurrentQueue<Activity> recorded = new();
    private readonly ActivitySource source = new(ServiceName);
    private IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = ServiceName });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ServiceDefaultsExtensions.TracesPerSecondKey] = "5" });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.ConfigureOpenTelemetry();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new RecordingProcessor(recorded)));
        host = builder.Build();
        await host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        source.Dispose();
    }

    [Fact]
    public void A_burst_keeps_ten_whole_traces_and_each_next_second_keeps_the_budget()
    {
        var burst = StartTraces(12);
        Assert.Equal(TraceBudgetSampler.Burst, burst.Count(kept => kept));
        Assert.Equal(20, recorded.Count);
        Assert.All(recorded.GroupBy(a => a.TraceId), trace => Assert.Equal(2, trace.Count()));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, StartTraces(12).Count(kept => kept));
        Assert.Equal(30, recorded.Count);
    }

    [Fact]
    public void Traces_at_an_everyday_pace_are_all_kept()
    {
        for (var i = 0; i < 30; i++)
        {
            Assert.True(StartTraces(1).Single());
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }
        Assert.Equal(60, recorded.Count);
    }

    /// <summary>Each trace is a root with one child, as a request through the gateway and its hop to a service.</summary>
    private List<bool> StartTraces(int count)
    {
        var kept = new List<bool>();
        for (var i = 0; i < count; i++)
        {
            using var root = source.StartActivity("request", ActivityKind.Server, parentContext: default);
            using (source.StartActivity("hop", ActivityKind.Client, root?.Context ?? default))
            {
            }
            kept.Add(root?.Recorded == true);
        }
        return kept;
    }
}
