using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Gateway.Identity;
using HoanKiem.ServiceDefaults;
using HoanKiem.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace HoanKiem.SystemTests;

[Collection(nameof(FaultTests))]
public sealed class GatewayReplicaTests(SecondSystemFixture fixture)
{
    private SystemFixture System => fixture.System;
    private readonly ResourceControl resources = new(fixture.System.App);

    // One test, so the replicas are checked against each other's tokens before one of them is killed.
    [Fact]
    public async Task Gateway_replicas_accept_each_others_tokens_and_one_killed_mid_load_loses_nothing_as_clients_retry_with_the_same_key()
    {
        var instances = await resources.InstancesAsync(ResourceNames.Gateway);
        Assert.Equal(2, instances.Count);
        await AssertTokensCrossReplicasAsync();
        await AssertNextKeyPublishedByEveryReplicaAsync();

        using var driver = await FaultDriver.StartAsync(System, "gateway");
        var third = FaultDriver.Submissions / 3;
        await driver.SubmitAsync(third, retryWithSameKey: true);

        var stream = driver.SubmitAsync(FaultDriver.Submissions - third, retryWithSameKey: true);
        await Eventually.Until(() => Task.FromResult(driver.Answered), answered => answered >= third + third / 2, TimeSpan.FromMinutes(5));
        var pid = await resources.KillAsync(instances[0]);
        driver.Log($"gateway replica {instances[0]} (pid {pid}) killed with {driver.Answered} answered");
        await stream;
        driver.Log($"{driver.Retries} sends repeated with their Idempotency-Key");

        var counters = await driver.ConvergeAsync();
        Assert.True(driver.Retries > 0, "no request met the killed replica");
        Assert.Equal(0, driver.Count(Outcome.Indeterminate));
        Assert.Equal(FaultDriver.Submissions, driver.Count(Outcome.Accepted));
        FaultDriver.AssertNothingLostDuplicatedOrUnexpected(counters);
        // The system is shared with other tests, which sign in through the gateway's port.
        await resources.StartAsync(instances[0]);
    }

    /// <summary>A token issued by either replica is accepted by the other and by every service behind it.</summary>
    private async Task AssertTokensCrossReplicasAsync()
    {
        var replicas = await ReplicaAddressesAsync();
        Assert.Equal(2, replicas.Count);
        var year = System.NewYear();
        using (var secretariat = System.Client(await System.SecretariatTokenAsync()))
        {
            await System.OpenContestAsync(secretariat, year);
        }
        foreach (var (issuedBy, usedAt) in new[] { (replicas[0], replicas[1]), (replicas[1], replicas[0]) })
        {
            var token = await TokenFromAsync(issuedBy);
            using var client = new HttpClient { BaseAddress = usedAt, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // One call each service answers for the secretariat alone: the gateway lets the token in, the service checks it again.
            foreach (var path in new[] { $"/api/contests/{year}/entries", $"/api/judging/{year}/judges", $"/api/recognition/{year}/nominees", $"/api/reports/{year}/summary", "/api/me" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} at {usedAt} with a token from {issuedBy}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>
    /// A key a replica makes a day before its rotation (made here as the ring makes it then) is published by every
    /// replica at its next reading of the folder, without a restart, while each goes on signing with the current key.
    /// </summary>
    private async Task AssertNextKeyPublishedByEveryReplicaAsync()
    {
        var current = System.GatewaySigningKey().Certificate;
        var rotation = new IssuerOptions().KeyRotation;
        var dayBefore = new DateTimeOffset(current.NotBefore.ToUniversalTime()) + rotation - KeyRing.Lead + TimeSpan.FromMinutes(1);
        var next = new KeyRing(System.GatewayKeysDirectory, new At(dayBefore), rotation, IssuerOptions.RefreshTokenLifetime).Load(KeyRing.Signing)[0];
        Assert.True(next.NotBefore > DateTime.Now, "the next key is not valid yet");
        foreach (var replica in await ReplicaAddressesAsync())
        {
            using var client = new HttpClient { BaseAddress = replica, Timeout = TimeSpan.FromSeconds(30) };
            await Eventually.Until(() => client.GetStringAsync("/.well-known/jwks"), jwks => jwks.Contains(next.Thumbprint, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            Assert.Equal(current.Thumbprint, new JsonWebToken(await TokenFromAsync(replica)).Kid);
        }
    }

    /// <summary>Each replica's own address, where it listens behind the gateway's proxy, once it runs healthy.</summary>
    private async Task<IReadOnlyList<Uri>> ReplicaAddressesAsync()
    {
        var addresses = new List<Uri>();
        foreach (var instance in await resources.InstancesAsync(ResourceNames.Gateway))
        {
            var state = await resources.WaitAsync(instance, ResourceControl.IsRunningAndHealthy);
            addresses.Add(new Uri(state.Snapshot.EnvironmentVariables.Single(v => v.Name == "ASPNETCORE_URLS").Value!.Split(';')[0]));
        }
        return addresses;
    }

    private static async Task<string> TokenFromAsync(Uri replica)
    {
        using var client = new HttpClient { BaseAddress = replica, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "secretariat",
            ["client_secret"] = SystemFixture.SecretariatSecret
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
