using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

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

    public static async Task<int> ServeAsync(WebApplication app)
    {
        await app.StartAsync();
        ReportReady();
        await Task.WhenAny(StandardInputClosed(), app.WaitForShutdownAsync());
        await app.StopAsync();
        return 0;
    }
}
