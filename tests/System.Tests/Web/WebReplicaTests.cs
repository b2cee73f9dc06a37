using System.Net;
using HoanKiem.ServiceDefaults;
using Microsoft.Playwright;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>Two replicas of the web app behind two of the gateway (<see cref="SecondSystemFixture"/>), in a browser.</summary>
[Collection(nameof(FaultTests))]
public sealed class WebReplicaTests(SecondSystemFixture fixture)
{
    [Fact]
    public async Task Signed_in_secretariat_stays_signed_in_while_each_web_replica_in_turn_is_killed()
    {
        var system = fixture.System;
        var resources = new ResourceControl(system.App);
        var replicas = await resources.InstancesAsync(ResourceNames.Web);
        Assert.Equal(2, replicas.Count);
        var path = $"/secretariat/{fixture.BackedUpYear}/entries";
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var total = (await ThinSliceTests.ReadJson(await secretariat.GetAsync($"/api/contests/{fixture.BackedUpYear}/entries?pageSize=1"), HttpStatusCode.OK))
            .GetProperty("total").GetInt32();

        await using var web = await WebSession.StartAsync(system, 1280);
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, path);
        var entriesFound = web.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{total} bài." });
        await Assertions.Expect(entriesFound).ToBeVisibleAsync();

        // Whichever replica served the sign-in, the second kill leaves only a process started after it: the session
        // lives in the cookie, sealed with the keys the replicas share, not in a replica.
        await resources.KillAsync(replicas[0]);
        await ReloadAsync(web, path);
        await Assertions.Expect(entriesFound).ToBeVisibleAsync();
        await resources.StartAsync(replicas[0]);
        await resources.KillAsync(replicas[1]);
        await ReloadAsync(web, path);
        await Assertions.Expect(entriesFound).ToBeVisibleAsync();
        // The system is shared with the other fault tests: a gateway restarted after this waits for every web replica.
        await resources.StartAsync(replicas[1]);
    }

    /// <summary>Opens the page again until it answers 200, as a person reloads after a request the killed replica had taken.</summary>
    private static async Task ReloadAsync(WebSession web, string path)
    {
        await Eventually.Until(async () =>
        {
            try
            {
                return (await web.Page.GotoAsync(path))?.Status;
            }
            catch (PlaywrightException)
            {
                return null;
            }
        }, status => status == 200, TimeSpan.FromMinutes(1));
        Assert.Equal(path, new Uri(web.Page.Url).AbsolutePath);
        await web.CheckPageAsync();
    }
}
