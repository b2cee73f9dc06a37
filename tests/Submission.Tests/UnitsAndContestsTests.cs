using System.Net;
using System.Net.Http.Json;
using System.Text;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

public sealed class UnitsAndContestsTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Registered_unit_gets_credentials_once_that_the_gateway_can_verify()
    {
        var code = $"Phuong-HANG-gai-{Guid.NewGuid():N}"[..30];
        var response = await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code = $" {code} ", name = "  UBND phường   Hàng Gai ", kind = "Ward" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var unit = await ReadAsync(response);
        Assert.Equal((code, "UBND phường Hàng Gai", "ward"), (unit.GetProperty("code").GetString(), unit.GetProperty("name").GetString(), unit.GetProperty("kind").GetString()));
        var clientId = unit.GetProperty("clientId").GetString();
        var secret = unit.GetProperty("clientSecret").GetString();
        var verified = await fixture.Secretariat.PostAsJsonAsync("/internal/credentials/verify", new { clientId, clientSecret = secret });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var caller = await ReadAsync(verified);
        Assert.Equal(("unit", code), (caller.GetProperty("role").GetString(), caller.GetProperty("unitCode").GetString()));
        var wrong = await fixture.Secretariat.PostAsJsonAsync("/internal/credentials/verify", new { clientId, clientSecret = secret + "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var registered = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<UnitRegistered>().Where(u => u.Message.Code == code).ToList()), found => found.Count > 0);
        Assert.Equal("UBND phường Hàng Gai", registered[0].Message.Name);
    }

    [Fact]
    public async Task A_registration_replayed_by_idempotency_key_answers_without_the_secret_which_the_database_never_holds()
    {
        var code = $"hang-dao-{Guid.NewGuid():N}"[..24];
        HttpRequestMessage Register()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/units") { Content = JsonContent.Create(new { code, name = "Phường Hàng Đào", kind = "ward" }) };
            request.Headers.Add("Idempotency-Key", $"dang-ky-{code}");
            return request;
        }

        var first = await fixture.Secretariat.SendAsync(Register());
        var replay = await fixture.Secretariat.SendAsync(Register());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        var secret = (await ReadAsync(first)).GetProperty("clientSecret").GetString()!;
        var replayed = await ReadAsync(replay);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(code, replayed.GetProperty("code").GetString());
        Assert.Equal($"unit-{code}", replayed.GetProperty("clientId").GetString());
        Assert.False(replayed.TryGetProperty("clientSecret", out _), "the replay repeats the secret");
        // The database file and its write-ahead log hold the key's record (the control) but not the secret.
        var stored = string.Concat(new[] { fixture.Service.DatabasePath, fixture.Service.DatabasePath + "-wal" }.Where(File.Exists).Select(path =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            file.CopyTo(bytes);
            return Encoding.Latin1.GetString(bytes.ToArray());
        }));
        Assert.Contains($"dang-ky-{code}", stored);
        Assert.DoesNotContain(secret, stored);
    }

    [Fact]
    public async Task Second_unit_with_the_same_code_is_a_conflict()
    {
        var code = $"quan-doan-{Guid.NewGuid():N}"[..24];
        Assert.Equal(HttpStatusCode.Created, (await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code, name = "Quận đoàn", kind = "association" })).StatusCode);

        var again = await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code, name = "Quận đoàn Hoàn Kiếm", kind = "association" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("unit_exists", (await ReadAsync(again)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("a", "Tên", "ward")]
    [InlineData("co dau cach", "Tên", "ward")]
    [InlineData("hop-le", "", "ward")]
    [InlineData("hop-le", "Tên", "club")]
    public async Task Invalid_unit_is_400_with_the_field(string code, string name, string kind)
    {
        var response = await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code, name, kind });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await ReadAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_the_secretariat_registers_units_but_every_role_lists_them()
    {
        var year = await fixture.OpenContestAsync();
        var (code, unitClient) = await fixture.UnitAsync(year, "hang-bong");
        using var judge = fixture.Service.CreateClient(TestCallers.Judge("judge-1"));
        using var anonymous = fixture.Service.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await unitClient.PostAsJsonAsync("/api/units", new { code = "khac", name = "Khác", kind = "other" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/units")).StatusCode);
        foreach (var client in new[] { unitClient, judge, fixture.Secretariat })
        {
            var page = await ReadAsync(await client.GetAsync("/api/units?page=1&pageSize=200"));
            Assert.Contains(page.GetProperty("items").EnumerateArray(), u => u.GetProperty("code").GetString() == code);
            Assert.True(page.GetProperty("total").GetInt32() >= 1);
        }
        var paged = await ReadAsync(await fixture.Secretariat.GetAsync("/api/units?page=1&pageSize=1"));
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Secretariat.GetAsync("/api/units?pageSize=201")).StatusCode);
    }

    [Fact]
    public async Task Contest_is_created_with_the_defaults_then_updated_and_published()
    {
        var year = ContestYear.Max;
        var opensAt = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var created = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}", new { title = "Cuộc thi", opensAt, closesAt = opensAt.AddMonths(11) });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contest = await ReadAsync(created);
        Assert.Equal((1300, 1500, 18), (contest.GetProperty("minWords").GetInt32(), contest.GetProperty("maxWords").GetInt32(), contest.GetProperty("districtWards").GetArrayLength()));
        Assert.Equal(opensAt, contest.GetProperty("opensAt").GetDateTimeOffset());
        Assert.Contains(contest.GetProperty("districtWards").EnumerateArray(), w => w.GetString() == "Phan Chu Trinh");

        var updated = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}", new { title = $"Cuộc thi năm {year}", opensAt, closesAt = opensAt.AddMonths(11), maxWords = 2000 });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2000, (await ReadAsync(updated)).GetProperty("maxWords").GetInt32());
        // Delivery is at least once: the same event may arrive twice, so count distinct messages.
        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<ContestConfigured>()
            .Where(c => c.Message.Year == year).DistinctBy(c => c.MessageId).ToList()), found => found.Count >= 2);
        Assert.Equal([1500, 2000], published.Select(c => c.Message.MaxWords).Order());
    }

    [Fact]
    public async Task Invalid_contest_is_400_and_only_the_secretariat_sets_one()
    {
        var opensAt = DateTimeOffset.UtcNow;
        var year = await fixture.OpenContestAsync();
        var (_, unitClient) = await fixture.UnitAsync(year, "noi-vu");

        foreach (var body in new object[]
        {
            new { title = "", opensAt, closesAt = opensAt.AddDays(1) },
            new { title = "Cuộc thi", opensAt, closesAt = opensAt.AddDays(-1) },
            new { title = "Cuộc thi", opensAt, closesAt = opensAt.AddDays(1), minWords = 1600, maxWords = 1500 }
        })
        {
            var response = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{YearWithoutContest}", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Secretariat.PutAsJsonAsync("/api/contests/1999", new { title = "Cũ", opensAt, closesAt = opensAt.AddDays(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unitClient.PutAsJsonAsync($"/api/contests/{YearWithoutContest}", new { title = "Cuộc thi", opensAt, closesAt = opensAt.AddDays(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{YearWithoutContest}/quotas/noi-vu", new { target = 3 })).StatusCode);
    }

    [Fact]
    public async Task Quota_is_set_per_unit_and_year_and_published()
    {
        var year = await fixture.OpenContestAsync();
        var (code, unitClient) = await fixture.UnitAsync(year, "hoi-lhpn");

        var first = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/{code}", new { target = 5 });
        var second = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/{code}", new { target = 7 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var quota = await ReadAsync(second);
        Assert.Equal((code, 7), (quota.GetProperty("unitCode").GetString(), quota.GetProperty("target").GetInt32()));
        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<QuotaSet>()
            .Where(q => q.Message.Year == year).DistinctBy(q => q.MessageId).ToList()), found => found.Count >= 2);
        Assert.Equal([5, 7], published.Select(q => q.Message.Target).Order());
        var unknown = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/khong-co", new { target = 1 });
        Assert.Equal((HttpStatusCode.NotFound, "unit_not_found"), (unknown.StatusCode, (await ReadAsync(unknown)).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/{code}", new { target = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unitClient.PutAsJsonAsync($"/api/contests/{year}/quotas/{code}", new { target = 100 })).StatusCode);
    }
}
