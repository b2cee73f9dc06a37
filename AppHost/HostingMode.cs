using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace HoanKiem.AppHost;

/// <summary>
/// Local mode runs RabbitMQ from Debian's package and SQLite files; container mode runs RabbitMQ and SQL Server
/// containers. Chosen before the model is built, because a container resource without a runtime waits forever.
/// </summary>
public enum HostingMode { Local, Containers }

public static class HostingModeExtensions
{
    extension(HostingMode)
    {
        /// <summary><c>Mode</c> = local | containers | auto (default: containers only if <c>docker info</c> answers).</summary>
        public static HostingMode Resolve(IConfiguration configuration) =>
            (configuration["Mode"] ?? "auto").ToLowerInvariant() switch
            {
                "local" => HostingMode.Local,
                "containers" => HostingMode.Containers,
                _ => ContainerRuntimeAnswers() ? HostingMode.Containers : HostingMode.Local
            };

        public static int GatewayPort(IConfiguration configuration) => configuration.GetValue("GatewayPort", 5080);

        /// <summary>The gateway's public address, which tokens name as their issuer: <c>Issuer</c>, else the local port.</summary>
        public static string Issuer(IConfiguration configuration) =>
            new Uri(configuration["Issuer"] ?? $"http://localhost:{GatewayPort(configuration)}/").AbsoluteUri;
    }

    private static bool ContainerRuntimeAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false
            });
            if (docker is null)
            {
                return false;
            }
            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill();
                return false;
            }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
