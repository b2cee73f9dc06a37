using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HoanKiem.Baseline.Bench.Roles;

/// <summary>
/// A role's side of the talk with the bench: lines on standard output say it is ready and, for a consumer, how many
/// events it has stored; the end of standard input tells it to stop. The bench closes that input to stop a role, and
/// so does the bench's death, however it dies: no role outlives it.
/// </summary>
public static class ChildProcess
{
    public const string Ready = "ready";
    public const string StoredPrefix = "stored ";

    public static void ReportReady() => Console.WriteLine(Ready);

    public static void ReportStored(long count) => Console.WriteLine(StoredPrefix + count);

    public static Task StandardInputClosed() =>
        Task.Factory.StartNew(() => Console.In.ReadToEnd(), TaskCreationOptions.LongRunning);

    /// <summary>A slim web host on the loopback port the bench gave (<c>--port</c>), logging warnings only.</summary>
    public static WebApplicationBuilder WebBuilder(Arguments arguments)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, arguments.Number("port")));
        return builder;
    }

    public static async Task<int> ServeAsync(WebApplication app)
    {
        await app.StartAsync();
        ReportReady();
        await Task.WhenAny(StandardInputClosed(), app.WaitForShutdownAsync());
        await app.StopAsync();
        return 0;
    }
}
