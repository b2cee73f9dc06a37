using System.Text.Json;
using k8s;

namespace HoanKiem.SystemTests;

/// <summary>
/// The routes of the orchestrator's proxies, read and mended through the API server of DCP (Aspire 13.6's orchestrator),
/// which the app host starts with a kubeconfig of its own. DCP routes a proxied service to a replica through an Endpoint
/// object it makes once the replica runs, and remembers the Endpoints it made in a cache keyed by the replica's name, not
/// by the object: it makes none when that cache already holds one for the same address and port, and it clears an entry
/// only through Endpoints it still finds owned by the running object (DCP's controllers/endpoint_common.go). Aspire gives
/// each replica a fixed port, so a replica restarted after a kill comes back under the same name on the same port, and an
/// entry the kill left behind keeps it without a route for good: it answers on its own port, DCP lists no Endpoint for
/// it, and restarting it again changes nothing. DCP's debug log of such a restart says "Endpoint(s) already exist for this
/// workload and Service combination" for the new object, which owned none. Seen in three of six full runs one day, once
/// in CI, and silently in others: a replica whose sibling is routed turns healthy all the same.
/// </summary>
public sealed class OrchestratorRoutes : IDisposable
{
    private const string Group = "usvc-dev.developer.microsoft.com";
    private const string Version = "v1";
    private const string ApiVersion = $"{Group}/{Version}";
    private readonly Kubernetes api;

    private OrchestratorRoutes(string kubeconfig) =>
        api = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

    /// <summary>
    /// The API server of the DCP that runs <paramref name="instance"/>, among those the app hosts of this process started
    /// (each monitors this process; the fault tests run beside a second app host).
    /// </summary>
    public static async Task<OrchestratorRoutes> RunningAsync(string instance)
    {
        var monitored = $"--monitor\0{Environment.ProcessId}\0";
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var arguments = commandLine.Split('\0');
            var kubeconfig = Array.IndexOf(arguments, "--kubeconfig");
            if (!arguments.Contains("start-apiserver") || !commandLine.Contains(monitored) || kubeconfig < 0)
            {
                continue;
            }
            var routes = new OrchestratorRoutes(arguments[kubeconfig + 1]);
            try
            {
                await routes.ExecutableAsync(instance);
                return routes;
            }
            catch (k8s.Autorest.HttpOperationException exception) when (exception.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                routes.Dispose();
            }
        }
        throw new InvalidOperationException($"No DCP API server that monitors this process runs {instance}.");
    }

    /// <summary>The ports DCP routes to the replica: those of the Endpoints the replica's current object owns.</summary>
    public async Task<IReadOnlyList<int>> PortsAsync(string instance) => await PortsOwnedByAsync(await ExecutableAsync(instance));

    /// <summary>
    /// Makes the Endpoint DCP should have made, if the replica has none: from its service-producer annotation (the
    /// address and port Aspire gave it), owned by its object so that DCP removes it when the replica stops. Its spec
    /// equals the stale entry, so DCP's next look at the replica finds its cache confirmed and clears it. Never a second
    /// one: the app host's watch of DCP's objects expects at most one Endpoint per replica and service (Aspire 13.6's
    /// <c>ResourceSnapshotBuilder.GetUrls</c>), and on a second it stops for good, leaving every state as it was then.
    /// </summary>
    /// <returns>The route added, or null when the replica already had one.</returns>
    public async Task<string?> AddMissingAsync(string instance)
    {
        var executable = await ExecutableAsync(instance);
        if ((await PortsOwnedByAsync(executable)).Count > 0)
        {
            return null;
        }
        var metadata = executable.GetProperty("metadata");
        var producers = JsonSerializer.Deserialize<JsonElement>(metadata.GetProperty("annotations").GetProperty("service-producer").GetString()!);
        var added = new List<string>();
        foreach (var producer in producers.EnumerateArray())
        {
            var endpoint = new
            {
                apiVersion = ApiVersion,
                kind = "Endpoint",
                metadata = new
                {
                    name = $"{instance}-mended-{Guid.NewGuid().ToString("N")[..8]}",
                    ownerReferences = new[]
                    {
                        new { apiVersion = ApiVersion, kind = "Executable", name = instance, uid = metadata.GetProperty("uid").GetString(), controller = true },
                    },
                },
                spec = new
                {
                    serviceNamespace = "",
                    serviceName = producer.GetProperty("serviceName").GetString(),
                    address = producer.GetProperty("address").GetString(),
                    port = producer.GetProperty("port").GetInt32(),
                },
            };
            await api.CustomObjects.CreateClusterCustomObjectAsync(endpoint, Group, Version, "endpoints");
            added.Add($"{endpoint.spec.serviceName} → {endpoint.spec.address}:{endpoint.spec.port}");
        }
        return string.Join(", ", added);
    }

    private Task<JsonElement> ExecutableAsync(string instance) =>
        api.CustomObjects.GetClusterCustomObjectAsync<JsonElement>(Group, Version, "executables", instance);

    private async Task<IReadOnlyList<int>> PortsOwnedByAsync(JsonElement executable)
    {
        var uid = executable.GetProperty("metadata").GetProperty("uid").GetString();
        var endpoints = await api.CustomObjects.ListClusterCustomObjectAsync<JsonElement>(Group, Version, "endpoints");
        return [.. endpoints.GetProperty("items").EnumerateArray()
            .Where(endpoint => endpoint.GetProperty("metadata").TryGetProperty("ownerReferences", out var owners)
                && owners.EnumerateArray().Any(owner => owner.GetProperty("uid").GetString() == uid))
            .Select(endpoint => endpoint.GetProperty("spec").GetProperty("port").GetInt32())];
    }

    public void Dispose() => api.Dispose();
}
