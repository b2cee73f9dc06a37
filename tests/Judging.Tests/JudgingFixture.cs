using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

[assembly: AssemblyFixture(typeof(HoanKiem.Judging.Tests.JudgingFixture))]

namespace HoanKiem.Judging.Tests;

public sealed record TestJudge(Guid Id, string ClientId, string? UnitCode, HttpClient Client);

/// <summary>
/// One judging service for the whole assembly on a real SQLite file and a real broker; entries arrive as the
/// submission service's events. Each test works in a contest year of its own.
/// </summary>
public sealed class JudgingFixture() : ServiceFixture<Program>(ResourceNames.JudgingDb)
{

    protected override async Task RecordEventsAsync(TestBus bus)
    {
        await bus.RecordAsync<JudgingFinalized>();
        await bus.RecordAsync<CityOutcomeRecorded>();
        await bus.RecordAsync<ResultsReopened>();
    }

    /// <summary>
    /// Registers a unit as the submission service would, and waits until judging knows it (a judge's unit must be known).
    /// Tests share units, so a unit keeps one name whichever test registers it.
    /// </summary>
    public async Task RegisterUnitAsync(string code)
    {
        var name = code == "phuong-hang-gai" ? "Phường Hàng Gai" : $"Đơn vị {code}";
        await Bus.PublishAsync(new UnitRegistered(code, name, "ward", DateTimeOffset.UtcNow));
        await Eventually.Until(() => QueryAsync(db => db.Units.AnyAsync(u => u.Code == code)), known => known);
    }

    /// <summary>Publishes an accepted entry's text as the submission service would and returns its id.</summary>
    public async Task<Guid> AcceptEntryAsync(int year, string unitCode, DateTimeOffset? receivedAt = null, Guid? messageId = null)
    {
        var id = Guid.NewGuid();
        await Bus.PublishAsync(new EntryTextSubmitted(id, year, unitCode, $"Bài dự thi {id.ToString()[..8]}", TestData.Article(id.GetHashCode()), "urban", 1400,
            receivedAt ?? DateTimeOffset.UtcNow), messageId);
        return id;
    }

    public async Task<List<Guid>> AcceptEntriesAsync(int year, params string[] unitCodes)
    {
        var ids = new List<Guid>();
        var at = DateTimeOffset.Parse($"{year}-03-01T09:00:00+07:00");
        foreach (var (unitCode, i) in unitCodes.Select((u, i) => (u, i)))
        {
            ids.Add(await AcceptEntryAsync(year, unitCode, at.AddMinutes(i)));
        }
        await WaitForEntriesAsync(year, ids.Count);
        return ids;
    }

    public async Task<JsonElement> ProgressAsync(int year) => await GetAsync(Secretariat, $"/api/judging/{year}/progress");

    public Task<JsonElement> WaitForEntriesAsync(int year, int count) =>
        Eventually.Until(() => ProgressAsync(year), p => p.GetProperty("entries").GetInt32() == count);

    /// <summary>Adds a judge and signs them in the way the gateway does: through the credentials check.</summary>
    public async Task<TestJudge> AddJudgeAsync(int year, string fullName, string? unitCode = null)
    {
        if (unitCode is not null)
        {
            await RegisterUnitAsync(unitCode);
        }
        var created = await Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName, unitCode });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return await SignInAsync(body);
    }

    /// <summary>Signs a judge in from the answer that gave their credentials, the way the gateway does.</summary>
    public async Task<TestJudge> SignInAsync(JsonElement body)
    {
        var clientId = body.GetProperty("clientId").GetString()!;
        var verified = await Service.CreateClient().PostAsJsonAsync("/internal/credentials/verify",
            new { clientId, clientSecret = body.GetProperty("clientSecret").GetString() });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var caller = (await verified.Content.ReadFromJsonAsync<Caller>(MessageSerialization.Options))!;
        return new TestJudge(body.GetProperty("id").GetGuid(), clientId, caller.UnitCode, Service.CreateClient(caller));
    }

    public async Task<List<TestJudge>> AddJudgesAsync(int year, params string?[] unitCodes)
    {
        var judges = new List<TestJudge>();
        foreach (var (unitCode, i) in unitCodes.Select((u, i) => (u, i)))
        {
            judges.Add(await AddJudgeAsync(year, $"Giám khảo {i + 1}", unitCode));
        }
        return judges;
    }

    public async Task<HttpResponseMessage> AssignAsync(int year, string query = "") =>
        await Secretariat.PostAsync($"/api/judging/{year}/assignments{query}", null);

    public Task<HttpResponseMessage> ScoreAsync(TestJudge judge, int year, Guid entryId, decimal content, decimal typicality = 20, decimal writing = 15, string? comment = null) =>
        judge.Client.PutAsJsonAsync($"/api/judging/{year}/entries/{entryId}/scores/mine",
            new { scores = new Dictionary<string, decimal> { ["content"] = content, ["typicality-and-spread"] = typicality, ["writing"] = writing }, comment });

    public async Task<List<Assignment>> AssignmentsAsync(int year)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JudgingDbContext>();
        return await db.Assignments.AsNoTracking().Where(a => a.Year == year).ToListAsync();
    }

    public async Task<T> QueryAsync<T>(Func<JudgingDbContext, Task<T>> query)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<JudgingDbContext>());
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
