using System.Collections.Concurrent;
using System.Net;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>A backup taken while units send, restored into a fresh instance, as an operator would after losing the machine.</summary>
public sealed class BackupRestoreTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task A_backup_taken_under_load_restores_every_entry_accepted_before_it_and_each_entry_travels_under_one_message_id()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "chuong-duong");
        var acceptedBeforeBackup = new ConcurrentBag<Guid>();
        var backupStarted = false;
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var receipt = await SubmitExpectingAsync(client, year, Entry(year * 100 + i), HttpStatusCode.Created);
                if (!Volatile.Read(ref backupStarted))
                {
                    acceptedBeforeBackup.Add(receipt.GetProperty("id").GetGuid());
                }
            }
        });
        await Eventually.Until(() => Task.FromResult(acceptedBeforeBackup.Count), count => count >= 10);

        var folder = Path.Combine(Path.GetTempPath(), "hoankiem-tests", $"restore-{Guid.NewGuid():N}");
        Volatile.Write(ref backupStarted, true);
        var before = acceptedBeforeBackup.ToHashSet();
        await SqliteBackup.BackUpAsync([fixture.Service.DatabasePath], Path.Combine(folder, "backup"));
        await sending;
        var restored = Assert.Single(await SqliteBackup.RestoreAsync(Path.Combine(folder, "backup"), Directory.CreateDirectory(Path.Combine(folder, "data")).FullName));

        try
        {
            await using var fresh = new ServiceFactory<Program>(fixture.Broker, ResourceNames.SubmissionDb, restored);
            using var secretariat = fresh.CreateClient(TestCallers.Secretariat);
            await Eventually.Until(async () => (await secretariat.GetAsync("/health")).IsSuccessStatusCode, healthy => healthy, TimeSpan.FromSeconds(60));
            var page = await ReadAsync(await secretariat.GetAsync($"/api/contests/{year}/entries?pageSize=200"));
            var kept = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToHashSet();

            Assert.Superset(before, kept);
            // Whatever the restored outbox had not sent goes out again under the message id it was stored with, so a
            // consumer's inbox drops a second copy: each entry's acceptance travels under exactly one id.
            var events = await Eventually.Until(
                () => Task.FromResult(fixture.Bus.Received<EntryAccepted>().Where(e => kept.Contains(e.Message.EntryId)).ToList()),
                received => received.Select(e => e.Message.EntryId).Distinct().Count() == kept.Count);
            Assert.All(events.GroupBy(e => e.Message.EntryId), byEntry => Assert.Single(byEntry.Select(e => e.MessageId).Distinct()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
