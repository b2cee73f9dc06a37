using System.Diagnostics;
using Aspire.Hosting.Testing;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults;
using HoanKiem.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>
/// Faults that take a service away from every other test, so they run alone, after the parallel ones; with them the
/// tests of the <see cref="SecondSystemFixture"/>, which would slow every other test while it starts.
/// </summary>
[CollectionDefinition(nameof(FaultTests), DisableParallelization = true)]
public sealed class FaultCollection : ICollectionFixture<SecondSystemFixture>;

/// <summary>
/// The Jepsen counters under faults, through the gateway against the real app host: <see cref="FaultDriver.Submissions"/>
/// distinct entries are sent while the fault happens, then what the submission service holds is compared with what
/// judging, recognition and reporting hold. Nothing may be lost, counted twice or appear from nowhere.
/// </summary>
[Collection(nameof(FaultTests))]
public sealed class FaultTests(SystemFixture system)
{
    private static readonly TimeSpan BrokerOutage = TimeSpan.FromSeconds(30);
    private readonly ResourceControl resources = new(system.App);

    [Fact]
    public async Task Broker_killed_with_sigkill_for_30_s_loses_nothing_and_intake_keeps_accepting()
    {
        using var driver = await FaultDriver.StartAsync(system, "broker");
        var third = FaultDriver.Submissions / 3;
        await driver.SubmitAsync(third);

        var broker = Assert.Single(await resources.InstancesAsync(ResourceNames.Broker));
        await resources.KillAsync(broker);
        var outage = Stopwatch.StartNew();
        driver.Log("broker killed");
        var acceptedBefore = driver.Count(Outcome.Accepted);
        await driver.SubmitAsync(third);
        var acceptedDuringOutage = driver.Count(Outcome.Accepted) - acceptedBefore;
        if (outage.Elapsed < BrokerOutage)
        {
            // The fault itself: the broker stays away this long whatever the submissions did meanwhile.
            await Task.Delay(BrokerOutage - outage.Elapsed);
        }
        await resources.StartAsync(broker);
        driver.Log($"broker back after {outage.Elapsed.TotalSeconds:0.0} s; {acceptedDuringOutage} of {third} accepted while it was down");
        await driver.SubmitAsync(FaultDriver.Submissions - 2 * third);

        // No service is restarted: every consumer has to find the new broker by itself for this to converge.
        var counters = await driver.ConvergeAsync();
        await AssertEveryReplicaConsumesAsync();
        Assert.Equal(third, acceptedDuringOutage);
        Assert.Equal(FaultDriver.Submissions, driver.Count(Outcome.Accepted));
        FaultDriver.AssertNothingLostDuplicatedOrUnexpected(counters);
    }

    [Fact]
    public async Task Reporting_killed_with_sigkill_mid_stream_converges_to_exact_tallies_after_restart()
    {
        using var driver = await FaultDriver.StartAsync(system, "reporting");
        var third = FaultDriver.Submissions / 3;
        await driver.SubmitAsync(third);

        var stream = driver.SubmitAsync(FaultDriver.Submissions - 2 * third);
        await Eventually.Until(() => Task.FromResult(driver.Answered), answered => answered >= third + third / 2, TimeSpan.FromMinutes(5));
        var instances = await resources.KillAllAsync(ResourceNames.Reporting);
        driver.Log($"reporting killed ({instances.Count} instances) with {driver.Answered} answered");
        await stream;
        await driver.SubmitAsync(third);
        await resources.StartAllAsync(instances);
        driver.Log("reporting back");

        var counters = await driver.ConvergeAsync();
        Assert.Equal(FaultDriver.Submissions, driver.Count(Outcome.Accepted));
        FaultDriver.AssertNothingLostDuplicatedOrUnexpected(counters);
    }

    [Fact]
    public async Task Every_message_delivered_twice_is_applied_once()
    {
        string[] events = [.. new[] { typeof(UnitRegistered), typeof(ContestConfigured), typeof(EntryAccepted) }.Select(ExchangeOf)];
        await using var tap = await DuplicatingTap.StartAsync(await MessagingConnectionStringAsync(), events);
        using var driver = await FaultDriver.StartAsync(system, "twice");
        await driver.SubmitAsync(FaultDriver.Submissions);
        // The copies travel behind the originals (the tap republishes what it reads): the final count must include them.
        await Eventually.Until(() => Task.FromResult(tap.Copies.GetValueOrDefault(ExchangeOf(typeof(EntryAccepted)))),
            copied => copied >= FaultDriver.Submissions, TimeSpan.FromSeconds(120));

        var counters = await driver.ConvergeAsync();
        driver.Log($"copies the broker took: {string.Join(", ", tap.Copies.Select(c => $"{c.Key} {c.Value}"))}");
        Assert.Equal(FaultDriver.Submissions, driver.Count(Outcome.Accepted));
        // The tap really doubled what this test sent, so the counters below cannot be 0 by default.
        Assert.True(tap.Copies[ExchangeOf(typeof(EntryAccepted))] >= FaultDriver.Submissions, "not every EntryAccepted was copied");
        Assert.True(tap.Copies[ExchangeOf(typeof(UnitRegistered))] >= 1, "no UnitRegistered was copied");
        FaultDriver.AssertNothingLostDuplicatedOrUnexpected(counters);
    }

    [Fact]
    public async Task Submission_killed_between_commit_and_broker_confirm_loses_nothing_it_holds()
    {
        using var driver = await FaultDriver.StartAsync(system, "submission");
        var third = FaultDriver.Submissions / 3;
        await driver.SubmitAsync(third);

        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The relay confirms within milliseconds, too fast to kill in between by chance. A frozen broker keeps the
        // window open: it takes the relay's publishes into its socket but confirms none, so the kill is sure to
        // land between commit and confirm, and the broker may still route what it took once it thaws, before the
        // restarted relay publishes the same events again.
        var broker = Assert.Single(await resources.InstancesAsync(ResourceNames.Broker));
        var database = Path.Combine(system.DataDirectory, ResourceNames.SubmissionDb + ".db");
        Task burst;
        IReadOnlyList<string> instances;
        long unconfirmed;
        await resources.FreezeAsync(broker);
        try
        {
            burst = driver.SubmitAsync(FaultDriver.Submissions - third, () => restarted.Task);
            await Eventually.Until(() => Task.FromResult(driver.Answered), answered => answered >= third + (FaultDriver.Submissions - third) / 2, TimeSpan.FromMinutes(5));
            instances = await resources.KillAllAsync(ResourceNames.Submission);
            unconfirmed = await UnsentEventsAsync(database);
        }
        finally
        {
            await resources.ResumeAsync(broker);
        }
        driver.Log($"submission killed ({instances.Count} instances) with {driver.Answered} answered and {unconfirmed} committed events unconfirmed");
        await resources.StartAllAsync(instances);
        restarted.SetResult();
        driver.Log("submission back");
        await burst;

        var counters = await driver.ConvergeAsync();
        Assert.True(unconfirmed > 0, "the kill came after the relay had confirmed everything");
        Assert.Equal(0, driver.Count(Outcome.Refused));
        FaultDriver.AssertNothingLostDuplicatedOrUnexpected(counters);
    }

    [Fact]
    public async Task Services_as_two_replicas_share_every_queue_and_lose_nothing()
    {
        foreach (var service in ConsumingServices.Append(ResourceNames.Submission))
        {
            var instances = await resources.InstancesAsync(service);
            Assert.Equal(SystemFixture.Replicas, instances.Count);
            Assert.All(instances, instance => Assert.True(ResourceControl.IsRunningAndHealthy(resources.State(instance)), instance));
        }
        await AssertEveryReplicaConsumesAsync();
        using var driver = await FaultDriver.StartAsync(system, "replicas");
        await driver.SubmitAsync(FaultDriver.Submissions);

        var counters = await driver.ConvergeAsync();
        Assert.Equal(FaultDriver.Submissions, driver.Count(Outcome.Accepted));
        FaultDriver.AssertNothingLostDuplicatedOrUnexpected(counters);
    }

    [Fact]
    public async Task Every_replica_is_routed_by_its_service_proxy_to_the_port_it_listens_on()
    {
        using var routes = await OrchestratorRoutes.RunningAsync((await resources.InstancesAsync(ResourceNames.Submission))[0]);
        foreach (var service in ConsumingServices.Append(ResourceNames.Submission))
        {
            foreach (var instance in await resources.InstancesAsync(service))
            {
                var listensOn = new Uri(resources.State(instance).Snapshot.EnvironmentVariables.Single(v => v.Name == "ASPNETCORE_URLS").Value!.Split(';')[0]).Port;
                Assert.Equal([listensOn], await routes.PortsAsync(instance));
            }
        }

        // The mend the restarts fall back on (ResourceControl.StartAsync) leaves a routed replica alone.
        var replica = (await resources.InstancesAsync(ResourceNames.Reporting))[0];
        var routed = Assert.Single(await routes.PortsAsync(replica));
        Assert.Null(await routes.AddMissingAsync(replica));
        Assert.Equal([routed], await routes.PortsAsync(replica));
    }

    private static readonly string[] ConsumingServices = [ResourceNames.Judging, ResourceNames.Recognition, ResourceNames.Reporting];

    /// <summary>
    /// Each replica of each consumer is attached to its service's queue (as the broker counts consumers), waiting a
    /// little for replicas still reconnecting: one replica that never resumed would go unnoticed by the counters,
    /// since the other takes all the work.
    /// </summary>
    private async Task AssertEveryReplicaConsumesAsync()
    {
        var messaging = await MessagingConnectionStringAsync();
        // Each service's queue for the event it takes every accepted entry from: judging takes the article's text.
        string[] queues = [$"{ResourceNames.Judging}-entry-text-submitted", $"{ResourceNames.Recognition}-entry-accepted", $"{ResourceNames.Reporting}-entry-accepted"];
        foreach (var queue in queues)
        {
            var clock = Stopwatch.StartNew();
            uint consumers;
            while ((consumers = await QueueInspection.ConsumersAsync(messaging, queue)) != SystemFixture.Replicas && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(250);
            }
            Assert.True(consumers == SystemFixture.Replicas, $"{queue}: {consumers} consumers after {clock.Elapsed.TotalSeconds:0} s, not {SystemFixture.Replicas}");
        }
    }

    /// <summary>MassTransit's RabbitMQ topology: one fanout exchange per message type, named namespace:type.</summary>
    private static string ExchangeOf(Type message) => $"{message.Namespace}:{message.Name}";

    private async Task<string> MessagingConnectionStringAsync() =>
        await system.App.GetConnectionStringAsync(ResourceNames.Messaging) ?? throw new InvalidOperationException("No messaging connection string.");

    private static async Task<long> UnsentEventsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
