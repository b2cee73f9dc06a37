using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using HoanKiem.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>
/// Crashes and restarts the app host's resources as a machine fault and an operator would: SIGKILL to each instance's
/// process tree, then the dashboard's Start command for each instance. A resource with replicas has one instance per
/// replica, each with its own id (the name plus a suffix) and its own process.
/// </summary>
public sealed class ResourceControl(DistributedApplication app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly ResourceNotificationService notifications = app.Services.GetRequiredService<ResourceNotificationService>();
    private readonly ResourceCommandService commands = app.Services.GetRequiredService<ResourceCommandService>();
    private readonly ResourceLoggerService logs = app.Services.GetRequiredService<ResourceLoggerService>();

    /// <summary>The instance ids of a resource, one per replica, as the notifications (which replay every known state first) name them.</summary>
    public async Task<IReadOnlyList<string>> InstancesAsync(string name)
    {
        var replicas = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name).GetReplicaCount();
        var instances = new SortedSet<string>();
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (var update in notifications.WatchAsync(timeout.Token))
        {
            if (update.Resource.Name == name && instances.Add(update.ResourceId) && instances.Count == replicas)
            {
                return [.. instances];
            }
        }
        throw new InvalidOperationException($"{name} has fewer than {replicas} instances.");
    }

    public ResourceEvent State(string instance) =>
        notifications.TryGetCurrentState(instance, out var state) ? state : throw new InvalidOperationException($"No state for {instance}.");

    public static int? Pid(ResourceEvent state) =>
        state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid ? Convert.ToInt32(pid) : null;

    public static bool IsRunning(ResourceEvent state) => state.Snapshot.State?.Text == KnownResourceStates.Running && Pid(state) is not null;

    public static bool IsRunningAndHealthy(ResourceEvent state) => IsRunning(state) && state.Snapshot.HealthStatus == HealthStatus.Healthy;

    /// <summary>
    /// SIGKILL to the instance's whole process tree (a project runs as `dotnet run` with the service as its child; the
    /// broker as a shell script with beam.smp below it), then waits until the app host has seen it exit.
    /// </summary>
    public async Task<int> KillAsync(string instance)
    {
        var pid = Pid(State(instance)) ?? throw new InvalidOperationException($"{instance} has no process.");
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
        }
        await WaitAsync(instance, state => state.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart");
        return pid;
    }

    /// <summary>
    /// SIGSTOP to the instance's whole process tree: it keeps its sockets open but answers nothing (a broker that takes
    /// a publish and never confirms it), until <see cref="ResumeAsync"/> sends SIGCONT.
    /// </summary>
    public Task FreezeAsync(string instance) => SignalTreeAsync(instance, SigStop);

    public Task ResumeAsync(string instance) => SignalTreeAsync(instance, SigCont);

    private async Task SignalTreeAsync(string instance, int signal)
    {
        var root = Pid(State(instance)) ?? throw new InvalidOperationException($"{instance} has no process.");
        foreach (var pid in ProcessTree.Of(root))
        {
            if (kill(pid, signal) == 0)
            {
                continue;
            }
            // A short-lived helper of the broker's may have ended since the tree was read.
            var error = Marshal.GetLastPInvokeError();
            if (error != NoSuchProcess)
            {
                throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {error}.");
            }
        }
        await Task.Yield();
    }

    private const int SigCont = 18;
    private const int SigStop = 19;
    private const int NoSuchProcess = 3;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Kills every instance of the resource at once.</summary>
    public async Task<IReadOnlyList<string>> KillAllAsync(string name)
    {
        var instances = await InstancesAsync(name);
        await Task.WhenAll(instances.Select(KillAsync));
        return instances;
    }

    /// <summary>
    /// The Start command for each instance, one after another, each waited for until a new process of it is running
    /// and healthy, as docs/operations.md tells operators to restart replicas. Not all at once: Aspire 13.6 caches the result of
    /// each environment callback on the resource, which its replicas share, and forgets it when an instance restarts,
    /// so two replicas restarted together can each get only part of the environment (seen here: both submission
    /// replicas came up without the broker's connection string, and exited).
    /// </summary>
    public async Task StartAllAsync(IReadOnlyList<string> instances)
    {
        foreach (var instance in instances)
        {
            await StartAsync(instance);
        }
    }

    /// <summary>
    /// The Start command, then waits for a new process that is running, routed and healthy. The orchestrator routes a
    /// replica within a second of its start, or never (see <see cref="OrchestratorRoutes"/>); a replica without a route
    /// still turns healthy when its sibling has one, as its health is asked through their service's proxy, and then
    /// takes no requests. So a replica still unrouted a while after it runs gets the route it should have through the
    /// orchestrator's API.
    /// </summary>
    public async Task StartAsync(string instance)
    {
        await ExecuteStartAsync(instance);
        await WaitAsync(instance, IsRunning);
        using (var routes = await OrchestratorRoutes.RunningAsync(instance))
        {
            var unrouted = Stopwatch.StartNew();
            while ((await routes.PortsAsync(instance)).Count == 0)
            {
                if (unrouted.Elapsed > RoutedWithin)
                {
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"The orchestrator gave {instance} no route in {RoutedWithin.TotalSeconds:0} s; added {await routes.AddMissingAsync(instance)}.");
                    break;
                }
                await Task.Delay(200);
            }
        }
        await WaitAsync(instance, IsRunningAndHealthy);
    }

    private static readonly TimeSpan RoutedWithin = TimeSpan.FromSeconds(15);

    private async Task ExecuteStartAsync(string instance)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var started = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, timeout.Token);
        if (!started.Success)
        {
            throw new InvalidOperationException($"Start {instance}: {started.Message}");
        }
    }

    public async Task<ResourceEvent> WaitAsync(string instance, Func<ResourceEvent, bool> done, TimeSpan? patience = null)
    {
        var limit = patience ?? Patience;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (notifications.TryGetCurrentState(instance, out var state) && done(state))
            {
                return state;
            }
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{instance} did not reach the state within {limit.TotalSeconds:0} s: {await DescribeAsync(instance, state)}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Each process of the app host that is not running and healthy, described as a wait that timed out describes it.</summary>
    public async Task<string> DescribeUnhealthyAsync()
    {
        // The notifications replay every instance's latest state first; two seconds are ample to take them all.
        var latest = new Dictionary<string, ResourceEvent>();
        using var replay = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var update in notifications.WatchAsync(replay.Token))
            {
                latest[update.ResourceId] = update;
            }
        }
        catch (OperationCanceledException)
        {
            // The replay is over.
        }
        var description = new StringBuilder();
        foreach (var (instance, state) in latest.Where(e => e.Value.Resource is ProjectResource or ExecutableResource && !IsRunningAndHealthy(e.Value)))
        {
            description.Append($"\n{instance}: {await DescribeAsync(instance, state)}");
        }
        return description.ToString();
    }

    /// <summary>
    /// What an operator would look at in the dashboard: the state, each health check's answer, the address it was given
    /// and whether its endpoint takes connections, and the last log lines.
    /// </summary>
    private async Task<string> DescribeAsync(string instance, ResourceEvent? state)
    {
        var description = new StringBuilder($"{state?.Snapshot.State?.Text}, {state?.Snapshot.HealthStatus}, pid {(state is null ? null : Pid(state))}");
        foreach (var report in state?.Snapshot.HealthReports is { IsDefault: false } reports ? reports : [])
        {
            description.Append($"\n  health {report.Name}: {report.Status} {report.Description} {report.ExceptionText?.Split('\n')[0]}");
        }
        foreach (var variable in state?.Snapshot.EnvironmentVariables.Where(v => v.Name is "ASPNETCORE_URLS" or "ConnectionStrings__messaging") ?? [])
        {
            description.Append($"\n  env {variable.Name}={variable.Value}");
            if (variable is { Name: "ASPNETCORE_URLS", Value: { } urls })
            {
                // Past the orchestrator's proxy: whether the process itself answers tells a missing route from a stuck service.
                description.Append($"\n  its own /health: {await OwnHealthAsync(urls.Split(';')[0])}");
            }
        }
        foreach (var endpoint in state?.Resource.Annotations.OfType<EndpointAnnotation>() ?? [])
        {
            if (endpoint.AllocatedEndpoint is { } allocated)
            {
                description.Append($"\n  endpoint {endpoint.Name} {allocated.Address}:{allocated.Port} {(await AcceptsAsync(allocated.Port) ? "accepts" : "refuses")} connections");
            }
        }
        if (state is not null && Pid(state) is not null)
        {
            description.Append($"\n  routed by the orchestrator's proxy to: {await RoutedPortsAsync(instance)}");
        }
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var batch in logs.GetAllAsync(instance).WithCancellation(timeout.Token))
            {
                lines.AddRange(batch.Select(line => line.Content));
            }
        }
        catch (OperationCanceledException)
        {
            // The log source did not answer in time: the description goes without the lines it has not sent.
        }
        foreach (var line in lines.TakeLast(12))
        {
            description.Append($"\n  log {line}");
        }
        return description.ToString();
    }

    private static async Task<string> OwnHealthAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(url), "/health"));
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return exception.Message;
        }
    }

    private static async Task<string> RoutedPortsAsync(string instance)
    {
        try
        {
            using var routes = await OrchestratorRoutes.RunningAsync(instance);
            return await routes.PortsAsync(instance) is { Count: > 0 } ports ? string.Join(", ", ports) : "nothing";
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or k8s.Autorest.HttpOperationException)
        {
            return $"unknown ({exception.Message})";
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync("localhost", port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
