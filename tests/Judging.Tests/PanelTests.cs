using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>Settings, judges and their credentials, and who may call what.</summary>
public sealed class PanelTests(JudgingFixture fixture)
{
    [Fact]
    public async Task Settings_default_to_the_2019_contest_and_a_put_replaces_them()
    {
        var year = fixture.NewYear();

        var defaults = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/settings");
        Assert.Equal(3, defaults.GetProperty("judgesPerEntry").GetInt32());
        Assert.Equal([1, 2, 3, 10], new[] { "first", "second", "third", "encouragement" }.Select(p => defaults.GetProperty("prizes").GetProperty(p).GetInt32()));
        Assert.Equal(24, defaults.GetProperty("cityForwardCount").GetInt32());
        Assert.Equal(["content", "typicality-and-spread", "writing"], defaults.GetProperty("rubric").EnumerateArray().Select(c => c.GetProperty("key").GetString()));

        var response = await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new
        {
            judgesPerEntry = 2,
            prizes = new { first = 1, second = 1, third = 1, encouragement = 2 },
            cityForwardCount = 3,
            rubric = new[] { new { key = "content", name = "Nội dung", maxPoints = 60 }, new { key = "writing", name = "Văn phong", maxPoints = 40 } }
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/settings");
        Assert.Equal(2, stored.GetProperty("judgesPerEntry").GetInt32());
        Assert.Equal(3, stored.GetProperty("cityForwardCount").GetInt32());
        Assert.Equal(60, stored.GetProperty("rubric")[0].GetProperty("maxPoints").GetInt32());
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_the_fields_named_and_change_nothing()
    {
        var year = fixture.NewYear();

        var response = await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new
        {
            judgesPerEntry = 0,
            cityForwardCount = -1,
            rubric = new[] { new { key = "writing", name = "Văn phong", maxPoints = 40 } }
        });

        var problem = await JudgingFixture.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("judgesPerEntry", out _));
        Assert.True(errors.TryGetProperty("cityForwardCount", out _));
        Assert.Contains("content", errors.GetProperty("rubric")[0].GetString());
        var stored = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/settings");
        Assert.Equal(3, stored.GetProperty("judgesPerEntry").GetInt32());
    }

    [Fact]
    public async Task A_judge_gets_credentials_once_and_only_a_hash_of_the_secret_is_kept()
    {
        var year = fixture.NewYear();

        await fixture.RegisterUnitAsync("phuong-hang-gai");
        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName = "  Phạm   Thu Hà ", unitCode = "Phuong-Hang-Gai" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = body.GetProperty("clientId").GetString()!;
        var secret = body.GetProperty("clientSecret").GetString()!;
        Assert.StartsWith($"judge-{year}-", clientId);
        var stored = await fixture.QueryAsync(db => db.Judges.SingleAsync(j => j.ClientId == clientId));
        Assert.Equal("Phạm Thu Hà", stored.FullName);
        Assert.Equal("phuong-hang-gai", stored.UnitCode);
        Assert.DoesNotContain(secret, stored.Credential.SecretHash);
        Assert.True(SecretHashing.Matches(secret, stored.Credential.SecretHash));

        var anonymous = fixture.Service.CreateClient();
        var verified = await anonymous.PostAsJsonAsync("/internal/credentials/verify", new { clientId, clientSecret = secret });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var caller = await verified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("judge", caller.GetProperty("role").GetString());
        Assert.Equal(("phuong-hang-gai", "Phạm Thu Hà"), (caller.GetProperty("unitCode").GetString(), caller.GetProperty("name").GetString()));
        Assert.Equal(body.GetProperty("id").GetGuid(), Guid.Parse(caller.GetProperty("judgeId").GetString()!));

        var wrong = await anonymous.PostAsJsonAsync("/internal/credentials/verify", new { clientId, clientSecret = secret + "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var unknown = await anonymous.PostAsJsonAsync("/internal/credentials/verify", new { clientId = "judge-nobody", clientSecret = secret });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_token_are_401_and_calls_by_the_wrong_role_are_403()
    {
        var year = fixture.NewYear();
        var judge = await fixture.AddJudgeAsync(year, "Giám khảo");
        var unit = fixture.Service.CreateClient(TestCallers.Unit("phuong-hang-gai"));
        var anonymous = fixture.Service.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/judging/{year}/assignments/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/judging/{year}/assignments", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/judging/{year}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.Client.PostAsync($"/api/judging/{year}/assignments", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.Client.PostAsync($"/api/judging/{year}/finalize", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.Client.GetAsync($"/api/judging/{year}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Secretariat.GetAsync($"/api/judging/{year}/assignments/mine")).StatusCode);
        // A judge of one year is nobody on another year's panel.
        await JudgingFixture.ProblemAsync(await judge.Client.GetAsync($"/api/judging/{2099}/assignments/mine"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_panels_routes_and_hides_the_internal_one()
    {
        var document = await JudgingFixture.GetAsync(fixture.Service.CreateClient(), "/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/judging/{year}/assignments/mine", paths);
        Assert.Contains("/api/judging/{year}/entries/{entryId}/scores/mine", paths);
        Assert.Contains("/api/judging/{year}/finalize", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/internal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_requests_are_400_problems_and_never_500()
    {
        var year = fixture.NewYear();
        var judge = await fixture.AddJudgeAsync(year, "Giám khảo");
        var bodies = new (HttpClient Client, HttpMethod Method, string Path, string Json)[]
        {
            (fixture.Secretariat, HttpMethod.Put, $"/api/judging/{year}/settings", """{"rubric": [null]}"""),
            (fixture.Secretariat, HttpMethod.Put, $"/api/judging/{year}/settings", """{"judgesPerEntry": "three"}"""),
            (fixture.Secretariat, HttpMethod.Post, $"/api/judging/{year}/judges", """{"fullName": ""}"""),
            (fixture.Secretariat, HttpMethod.Post, $"/api/judging/{year}/judges", """[1, 2]"""),
            (fixture.Secretariat, HttpMethod.Post, $"/api/judging/{year}/assignments?allowUneven=maybe", ""),
            (fixture.Secretariat, HttpMethod.Put, $"/api/judging/1999/settings", "{}"),
            (judge.Client, HttpMethod.Put, $"/api/judging/{year}/entries/{Guid.NewGuid()}/scores/mine", """{"scores": {"content": "many"}}"""),
        };
        foreach (var (client, method, path, json) in bodies)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {json}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
