using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults;
using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

[assembly: AssemblyFixture(typeof(HoanKiem.Recognition.Tests.RecognitionFixture))]

namespace HoanKiem.Recognition.Tests;

/// <summary>
/// One recognition service for the whole assembly (its queues would otherwise share the events between copies),
/// on a real SQLite file and a real broker; each test works in a contest year of its own.
/// </summary>
public sealed class RecognitionFixture() : ServiceFixture<Program>(ResourceNames.RecognitionDb)
{
    protected override async Task RecordEventsAsync(TestBus bus)
    {
        await bus.RecordAsync<RecognitionTotalsChanged>();
        await bus.RecordAsync<NomineeAppraised>();
        await bus.RecordAsync<CommendationDecided>();
        await bus.RecordAsync<MovementTitleRecorded>();
    }

    /// <summary>Publishes an accepted entry as the submission service would and returns its id.</summary>
    public async Task<Guid> AcceptEntryAsync(int year, string fullName, string ward, string unitCode = "phuong-hang-gai",
        DateTimeOffset? receivedAt = null, Guid? entryId = null, Guid? messageId = null, string field = "urban")
    {
        var id = entryId ?? Guid.NewGuid();
        await Bus.PublishAsync(new EntryAccepted(id, year, unitCode, field, 1400, fullName, ward, receivedAt ?? DateTimeOffset.UtcNow), messageId);
        return id;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Secretariat.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(MessageSerialization.Options);
    }

    public async Task<JsonElement> NomineesAsync(int year, string? status = null) =>
        (await GetAsync($"/api/recognition/{year}/nominees?pageSize=200{(status is null ? "" : $"&status={status}")}")).GetProperty("items");

    /// <summary>Waits until the year's register holds <paramref name="count"/> nominees with <paramref name="entries"/> entries among them.</summary>
    public Task<JsonElement> WaitForRegisterAsync(int year, int count, int entries) =>
        Eventually.Until(() => NomineesAsync(year),
            items => items.GetArrayLength() == count && items.EnumerateArray().Sum(n => n.GetProperty("entryIds").GetArrayLength()) == entries);

    public async Task<Guid> VerifiedNomineeAsync(int year, string fullName, string ward = "Hàng Gai", string unitCode = "phuong-hang-gai")
    {
        await AcceptEntryAsync(year, fullName, ward, unitCode);
        var nominee = await Eventually.Until(() => NomineesAsync(year),
            items => items.EnumerateArray().Any(n => n.GetProperty("fullName").GetString() == fullName));
        var id = nominee.EnumerateArray().Single(n => n.GetProperty("fullName").GetString() == fullName).GetProperty("id").GetGuid();
        var response = await Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{id}/appraisal", new { outcome = "verified", note = "Đã xác minh tại tổ dân phố." });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    /// <summary>The year's figures published so far, oldest version first.</summary>
    public IReadOnlyList<RecognitionTotalsChanged> PublishedTotals(int year) =>
        Bus.Received<RecognitionTotalsChanged>().Select(r => r.Message).Where(t => t.Year == year).OrderBy(t => t.Version).ToList();

    /// <summary>Waits until the year's latest published figures satisfy <paramref name="done"/>.</summary>
    public async Task<RecognitionTotalsChanged> WaitForTotalsAsync(int year, Func<RecognitionTotalsChanged, bool> done) =>
        (await Eventually.Until(() => Task.FromResult(PublishedTotals(year)), published => published.Count > 0 && done(published[^1])))[^1];

    /// <summary>
    /// Waits until the figures publisher has taken in every change counted for the year: any version it publishes for
    /// them is in the outbox by then, behind those already published.
    /// </summary>
    public Task WaitForFiguresTakenInAsync(int year) =>
        Eventually.Until(async () =>
        {
            await using var scope = Service.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RecognitionDbContext>().YearTotals
                .AnyAsync(t => t.Year == year && t.Changes == t.PublishedChanges);
        }, takenIn => takenIn);

    public async Task<Guid> NomineeIdAsync(int year, string fullName) =>
        (await NomineesAsync(year)).EnumerateArray().Single(n => n.GetProperty("fullName").GetString() == fullName).GetProperty("id").GetGuid();
}
