using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Submission.Tests;

/// <summary>The secretariat's named staff accounts, and replacing, resetting and disabling any account's credential.</summary>
public sealed class StaffAndCredentialTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task A_staff_account_is_created_listed_verified_disabled_and_reset_and_each_change_names_who_made_it()
    {
        var created = await fixture.Secretariat.PostAsJsonAsync("/api/staff", new { fullName = "  Trần   Thị Lan ", position = "Chuyên viên Phòng Văn hóa và Thông tin" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var staff = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = staff.GetProperty("id").GetString()!;
        var secret = staff.GetProperty("clientSecret").GetString()!;
        Assert.StartsWith("staff-", id);
        Assert.Equal(id, staff.GetProperty("clientId").GetString());
        Assert.Equal("Trần Thị Lan", staff.GetProperty("fullName").GetString());
        var caller = await VerifiedAsync(id, secret);
        Assert.Equal((id, "secretariat", "Trần Thị Lan"), (caller.GetProperty("clientId").GetString(), caller.GetProperty("role").GetString(), caller.GetProperty("name").GetString()));
        Assert.True((await fixture.Secretariat.GetFromJsonAsync<JsonElement>($"/api/staff/{id}")).GetProperty("active").GetBoolean());

        var disabled = await fixture.Secretariat.DeleteAsync($"/api/staff/{id}/credential");

        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await VerifyAsync(id, secret)).StatusCode);
        var listed = (await fixture.Secretariat.GetFromJsonAsync<JsonElement>("/api/staff?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == id);
        Assert.False(listed.GetProperty("active").GetBoolean());

        var reset = await fixture.Secretariat.PostAsJsonAsync($"/api/staff/{id}/credential", new { });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True(reset.Headers.CacheControl?.NoStore);
        var newSecret = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await VerifyAsync(id, secret)).StatusCode);
        await VerifiedAsync(id, newSecret);
        var audit = await AuditAsync($"subjectId={id}");
        Assert.Equal(["staff.created", "credential.disabled", "credential.reset"], audit.Select(a => a.GetProperty("action").GetString()));
        Assert.All(audit, a => Assert.Equal("secretariat", a.GetProperty("actorId").GetString()));
        Assert.DoesNotContain(newSecret, string.Join("", audit.Select(a => a.GetRawText())));
    }

    [Fact]
    public async Task A_staff_members_writes_are_audited_under_their_own_id_and_name()
    {
        var year = await fixture.OpenContestAsync();
        var (code, _) = await fixture.UnitAsync(year, "phuong-trang-tien");
        var lan = await StaffAsync("Trần Thị Lan");

        var quota = await lan.Client.PutAsJsonAsync($"/api/contests/{year}/quotas/{code}", new { target = 12 });

        Assert.Equal(HttpStatusCode.OK, quota.StatusCode);
        var record = Assert.Single(await AuditAsync($"actor={lan.Id}"));
        Assert.Equal(("quota.set", "unit", code, "Trần Thị Lan"), (record.GetProperty("action").GetString(),
            record.GetProperty("subjectType").GetString(), record.GetProperty("subjectId").GetString(), record.GetProperty("actorName").GetString()));
        Assert.Equal(12, record.GetProperty("changes").GetProperty("to").GetInt32());
        Assert.Equal(year, record.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task A_unit_replaces_its_own_secret_or_chooses_a_passphrase_and_the_old_secret_stops_working()
    {
        var (code, secret, unit) = await RegisterAsync("phuong-hang-bac");
        var clientId = $"unit-{code}";

        var replaced = await unit.PostAsJsonAsync($"/api/units/{code}/credential", new { });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.True(replaced.Headers.CacheControl?.NoStore);
        var generated = (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await VerifyAsync(clientId, secret)).StatusCode);
        await VerifiedAsync(clientId, generated);

        var chosen = await unit.PostAsJsonAsync($"/api/units/{code}/credential", new { passphrase = "Hồ Gươm xanh mãi mãi" });

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await chosen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await VerifyAsync(clientId, generated)).StatusCode);
        // The same passphrase typed with decomposed diacritics still matches.
        await VerifiedAsync(clientId, "Hồ Gươm xanh mãi mãi".Normalize(System.Text.NormalizationForm.FormD));
        var audit = await AuditAsync($"subjectType=unit&subjectId={code}");
        Assert.Equal(["unit.registered", "credential.replaced", "credential.replaced"], audit.Select(a => a.GetProperty("action").GetString()));
        Assert.Equal(clientId, audit[1].GetProperty("actorId").GetString());
        Assert.True(audit[2].GetProperty("changes").GetProperty("passphrase").GetBoolean());
    }

    [Fact]
    public async Task A_unit_cannot_reset_another_units_credential_nor_disable_its_own()
    {
        var (_, _, intruder) = await RegisterAsync("phuong-hang-dao");
        var (victim, victimSecret, _) = await RegisterAsync("phuong-cua-nam");

        var reset = await intruder.PostAsJsonAsync($"/api/units/{victim}/credential", new { passphrase = "mật khẩu của kẻ lạ mặt" });
        var disable = await intruder.DeleteAsync($"/api/units/{victim}/credential");

        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Equal("application/problem+json", reset.Content.Headers.ContentType?.MediaType);
        Assert.Equal("forbidden", (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        await VerifiedAsync($"unit-{victim}", victimSecret);
        Assert.Single(await AuditAsync($"subjectId={victim}"));
    }

    [Fact]
    public async Task Bad_credential_and_staff_input_is_a_problem_and_changes_nothing()
    {
        var (code, secret, unit) = await RegisterAsync("phuong-hang-trong");
        var staffBefore = (await fixture.Secretariat.GetFromJsonAsync<JsonElement>("/api/staff")).GetProperty("total").GetInt32();

        var shortPassphrase = await unit.PostAsJsonAsync($"/api/units/{code}/credential", new { passphrase = "ngắn quá" });
        var controlCharacters = await unit.PostAsJsonAsync($"/api/units/{code}/credential", new { passphrase = "mật khẩu\u0007có chuông" });
        var resetWithPassphrase = await fixture.Secretariat.PostAsJsonAsync($"/api/units/{code}/credential", new { passphrase = "thư ký chọn hộ mật khẩu" });
        var unknownUnit = await fixture.Secretariat.DeleteAsync("/api/units/khong-co-don-vi-nay/credential");
        var nameless = await fixture.Secretariat.PostAsJsonAsync("/api/staff", new { fullName = " ", position = "Chuyên viên" });
        var unknownStaff = await fixture.Secretariat.DeleteAsync("/api/staff/staff-000000000000/credential");

        foreach (var (response, status, problemCode) in new[]
        {
            (shortPassphrase, HttpStatusCode.BadRequest, "validation_failed"), (controlCharacters, HttpStatusCode.UnprocessableEntity, "invalid_text"),
            (resetWithPassphrase, HttpStatusCode.BadRequest, "validation_failed"), (unknownUnit, HttpStatusCode.NotFound, "unit_not_found"),
            (nameless, HttpStatusCode.BadRequest, "validation_failed"), (unknownStaff, HttpStatusCode.NotFound, "staff_not_found")
        })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(problemCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        await VerifiedAsync($"unit-{code}", secret);
        Assert.Single(await AuditAsync($"subjectId={code}"));
        Assert.Equal(staffBefore, (await fixture.Secretariat.GetFromJsonAsync<JsonElement>("/api/staff")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Units_and_judges_cannot_reach_staff_routes_or_the_audit_trail()
    {
        var (_, _, unit) = await RegisterAsync("phuong-ly-thai-to");
        var judge = fixture.Service.CreateClient(TestCallers.Judge(Guid.NewGuid().ToString()));

        foreach (var client in new[] { unit, judge })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/staff")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/staff", new { fullName = "Kẻ Mạo Danh", position = "Không có" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/submission/audit")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostAsJsonAsync("/api/units/phuong-ly-thai-to/credential", new { })).StatusCode);
    }

    [Fact]
    public async Task A_replayed_staff_creation_creates_no_second_account_and_stores_no_secret()
    {
        var key = Guid.NewGuid().ToString();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/staff") { Content = JsonContent.Create(new { fullName = "Ngô Văn Hùng", position = "Phó Chánh Văn phòng" }) };
        first.Headers.Add("Idempotency-Key", key);
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/staff") { Content = JsonContent.Create(new { fullName = "Ngô Văn Hùng", position = "Phó Chánh Văn phòng" }) };
        again.Headers.Add("Idempotency-Key", key);

        var created = await (await fixture.Secretariat.SendAsync(first)).Content.ReadFromJsonAsync<JsonElement>();
        var replay = await fixture.Secretariat.SendAsync(again);

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var replayed = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.False(replayed.TryGetProperty("clientSecret", out _));
        Assert.Single(await AuditAsync($"subjectId={created.GetProperty("id").GetString()}"));
    }

    [Fact]
    public async Task The_audit_trail_refuses_bad_paging_and_years()
    {
        foreach (var query in new[] { "page=0", "pageSize=500", "year=1800" })
        {
            var response = await fixture.Secretariat.GetAsync($"/api/submission/audit?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<(string Id, HttpClient Client)> StaffAsync(string fullName)
    {
        var response = await fixture.Secretariat.PostAsJsonAsync("/api/staff", new { fullName, position = "Chuyên viên" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (id, fixture.Service.CreateClient(new Caller(id, Roles.Secretariat, null, null, fullName)));
    }

    private async Task<(string Code, string Secret, HttpClient Client)> RegisterAsync(string name)
    {
        var code = $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
        var response = await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code, name = $"Đơn vị {code}", kind = "ward" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var secret = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        return (code, secret, fixture.Service.CreateClient(TestCallers.Unit(code)));
    }

    private async Task<List<JsonElement>> AuditAsync(string query) =>
        [.. (await fixture.Secretariat.GetFromJsonAsync<JsonElement>($"/api/submission/audit?pageSize=200&{query}")).GetProperty("items").EnumerateArray()];

    private Task<HttpResponseMessage> VerifyAsync(string clientId, string clientSecret) =>
        fixture.Service.CreateClient().PostAsJsonAsync(CredentialVerification.Route, new { clientId, clientSecret });

    private async Task<JsonElement> VerifiedAsync(string clientId, string clientSecret)
    {
        var response = await VerifyAsync(clientId, clientSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
