using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(HoanKiem.Submission.Tests.SubmissionFixture))]

namespace HoanKiem.Submission.Tests;

/// <summary>
/// One submission service for the whole assembly on a real SQLite file and a real broker, with a test bus recording
/// what it publishes. Each test opens a contest year of its own and registers its own units, so tests never meet.
/// </summary>
public sealed class SubmissionFixture() : ServiceFixture<Program>(ResourceNames.SubmissionDb)
{
    protected override async Task RecordEventsAsync(TestBus bus)
    {
        await bus.RecordAsync<EntryAccepted>();
        await bus.RecordAsync<EntryTextSubmitted>();
        await bus.RecordAsync<NomineeCorrected>();
        await bus.RecordAsync<PersonalDataErased>();
        await bus.RecordAsync<EntryTextRedacted>();
        await bus.RecordAsync<EntryRefused>();
        await bus.RecordAsync<EntryWithdrawn>();
        await bus.RecordAsync<UnitRegistered>();
        await bus.RecordAsync<UnitRenamed>();
        await bus.RecordAsync<UnitMerged>();
        await bus.RecordAsync<UnitSplit>();
        await bus.RecordAsync<ContestConfigured>();
        await bus.RecordAsync<QuotaSet>();
    }

    /// <summary>Never given a contest: tests use it for "no contest this year". The last year is kept for the contest defaults test.</summary>
    public const int YearWithoutContest = ContestYear.Max - 1;

    /// <summary>A contest year no other test uses, open from yesterday to next month unless told otherwise.</summary>
    public Task<int> OpenContestAsync(DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, int? minWords = null, int? maxWords = null)
    {
        var year = NewYear();
        Assert.True(year < YearWithoutContest, $"The tests have used up the contest years {ContestYear.Min + 1}–{YearWithoutContest - 1}.");
        return OpenContestAsync(Secretariat, year, opensAt, closesAt, minWords, maxWords);
    }

    public static async Task<int> OpenContestAsync(HttpClient secretariat, int year,
        DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, int? minWords = null, int? maxWords = null)
    {
        var response = await secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = $"Viết về gương điển hình tiên tiến, người tốt, việc tốt năm {year}",
            opensAt = opensAt ?? DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(30),
            minWords,
            maxWords
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return year;
    }

    /// <summary>Registers a unit (code unique to the test's year) and returns its portal's client.</summary>
    public Task<(string Code, HttpClient Client)> UnitAsync(int year, string name) => UnitAsync(Service, Secretariat, $"{name}-{year}");

    public static async Task<(string Code, HttpClient Client)> UnitAsync(ServiceFactory<Program> service, HttpClient secretariat, string code)
    {
        var response = await secretariat.PostAsJsonAsync("/api/units", new { code, name = $"Đơn vị {code}", kind = "ward" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (code, service.CreateClient(TestCallers.Unit(code)));
    }

    /// <summary>An entry's JSON as API.md shows it, valid under the default rules; tests change or remove members.</summary>
    public static JsonObject Entry(Article article) => new()
    {
        ["title"] = article.Title,
        ["body"] = article.Body,
        ["field"] = article.Field,
        ["author"] = new JsonObject { ["fullName"] = "Nguyễn Văn An", ["position"] = "Cán bộ văn hóa phường", ["phone"] = "0912345678", ["email"] = "an@example.vn" },
        ["nominee"] = new JsonObject
        {
            ["fullName"] = article.NomineeFullName,
            ["birthYear"] = 1956,
            ["position"] = "Tổ trưởng tổ dân phố",
            ["workplace"] = "Tổ dân phố số 5",
            ["address"] = new JsonObject { ["street"] = $"12 {article.Street}", ["ward"] = article.NomineeWard }
        }
    };

    public static JsonObject Entry(int seed) => Entry(ArticleCorpus.Generate(seed));

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(MessageSerialization.Options);

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int year, JsonObject entry, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contests/{year}/entries") { Content = JsonContent.Create(entry) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    /// <summary>Submits and asserts the answer's status and, for a problem, its code; returns the answer's JSON.</summary>
    public static async Task<JsonElement> SubmitExpectingAsync(HttpClient client, int year, JsonObject entry, HttpStatusCode status, string? code = null)
    {
        var response = await SubmitAsync(client, year, entry);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        if (code is not null)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, json.GetProperty("code").GetString());
        }
        return json;
    }

    /// <summary>
    /// Waits for the refusal events of a year's unit, as the reporting service will receive them: delivery is at least
    /// once, so a redelivered event counts once (by its attempt id).
    /// </summary>
    public Task<IReadOnlyList<EntryRefused>> RefusalsAsync(int year, string unitCode, int count) =>
        Eventually.Until(() => Task.FromResult<IReadOnlyList<EntryRefused>>(
                Bus.Received<EntryRefused>().Select(r => r.Message).Where(r => r.Year == year && r.UnitCode == unitCode).DistinctBy(r => r.AttemptId).ToList()),
            refusals => refusals.Count >= count);
}
