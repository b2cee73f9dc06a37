using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using HoanKiem.ServiceDefaults;
using HoanKiem.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>Faults that take a service away from every other test, so they run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(FaultTests), DisableParallelization = true)]
public sealed class FaultCollection;

/// <summary>
/// The Jepsen counters for a consumer killed mid-stream: nothing the submission service accepted is lost from the
/// tallies, and nothing is counted twice, once the killed service comes back.
/// </summary>
[Collection(nameof(FaultTests))]
public sealed class FaultTests(SystemFixture system)
{
    [Fact]
    public async Task Reporting_killed_with_sigkill_mid_stream_converges_to_exact_tallies_after_restart()
    {
        var year = system.NewYear();
        var unitCode = $"fault-reporting-{year}";
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var unit = await ThinSliceTests.ReadJson(await secretariat.PostAsJsonAsync("/api/units", new { code = unitCode, name = "Đơn vị lỗi", kind = "other" }), HttpStatusCode.Created);
        await ThinSliceTests.ReadJson(await secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = $"Năm {year}",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30)
        }), HttpStatusCode.Created);
        using var portal = system.Client(await system.TokenAsync(unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!));
        var accepted = 0;
        async Task SubmitAsync(int from, int count)
        {
            for (var seed = from; seed < from + count; seed++)
            {
                await ThinSliceTests.ReadJson(await portal.PostAsJsonAsync($"/api/contests/{year}/entries", TestData.Entry(year * 1000 + seed)), HttpStatusCode.Created);
                accepted++;
            }
        }

        await SubmitAsync(0, 10);
        var notifications = system.App.Services.GetRequiredService<ResourceNotificationService>();
        var running = await notifications.WaitForResourceAsync(ResourceNames.Reporting,
            e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null));
        var pid = Convert.ToInt32(running.Snapshot.Properties.First(p => p.Name == "executable.pid").Value);
        var writes = SubmitAsync(10, 20);
        // SIGKILL to the whole tree: the resource's process is `dotnet run`, the service its child.
        Process.GetProcessById(pid).Kill(entireProcessTree: true);
        await writes;
        await SubmitAsync(30, 10);

        var commands = system.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await notifications.WaitForResourceAsync(ResourceNames.Reporting, e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", timeout.Token);
        var started = await commands.ExecuteCommandAsync(ResourceNames.Reporting, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await notifications.WaitForResourceHealthyAsync(ResourceNames.Reporting, timeout.Token);

        using var anonymous = system.Client();
        var tally = await Eventually.Until(
            async () =>
            {
                using var response = await anonymous.GetAsync($"/api/reports/{year}/tallies?pageSize=200");
                return response.IsSuccessStatusCode
                    ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                        .Where(row => row.GetProperty("unitCode").GetString() == unitCode).Select(row => row.GetProperty("accepted").GetInt32()).FirstOrDefault()
                    : -1;
            },
            count => count >= accepted, TimeSpan.FromSeconds(60));
        Assert.Equal(40, accepted);
        Assert.Equal(accepted, tally);
    }
}
