using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace HoanKiem.Baseline.Bench.Roles;

/// <summary>The gateway, bare: YARP forwarding every request to the service.</summary>
public static class ProxyRole
{
    public static Task<int> RunAsync(Arguments arguments)
    {
        var builder = ChildProcess.WebBuilder(arguments);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "service", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "service",
                Destinations = new Dictionary<string, DestinationConfig> { ["service"] = new() { Address = arguments.Text("service") } }
            }]);

        var app = builder.Build();
        app.MapReverseProxy();
        return ChildProcess.ServeAsync(app);
    }
}
