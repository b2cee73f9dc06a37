using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>A system restored from a backup taken under load (<see cref="SecondSystemFixture"/>), as its services settle.</summary>
[Collection(nameof(FaultTests))]
public sealed class RestoredSystemTests(SecondSystemFixture fixture)
{
    [Fact]
    public async Task Restored_backup_holds_every_entry_accepted_before_it_and_every_service_converges_on_exactly_those()
    {
        var system = fixture.System;
        var year = fixture.BackedUpYear;
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var held = await FaultDriver.ReadAllAsync(secretariat, $"/api/contests/{year}/entries",
            item => (Id: item.GetProperty("id").GetGuid(), Unit: item.GetProperty("unitCode").GetString()!, Status: item.GetProperty("status").GetString()!));
        var accepted = held.Where(e => e.Status == "accepted").ToList();
        Assert.NotEmpty(fixture.AcceptedBeforeBackup);
        Assert.Superset(fixture.AcceptedBeforeBackup.ToHashSet(), accepted.Select(e => e.Id).ToHashSet());

        // Reporting's copy was taken first, submission's last: what was sent in between reaches the others only because
        // the restore sends the outboxes' week again; the inboxes keep anything from counting twice.
        var expected = accepted.Select(e => e.Id).Order().ToList();
        var perUnit = accepted.GroupBy(e => e.Unit).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"submission holds {accepted.Count} accepted: {string.Join(", ", perUnit.Select(u => $"{u.Key} {u.Value}"))}");
        await Eventually.Until(
            () => FaultDriver.ReadDownstreamAsync(system, secretariat, year),
            downstream => downstream.Judging.Order().SequenceEqual(expected) && downstream.Recognition.Order().SequenceEqual(expected)
                && downstream.Tallies.Count(t => t.Value > 0) == perUnit.Count && perUnit.All(u => downstream.Tallies.GetValueOrDefault(u.Key) == u.Value),
            TimeSpan.FromMinutes(2));
    }
}
