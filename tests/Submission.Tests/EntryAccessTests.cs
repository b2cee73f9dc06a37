using System.Net;
using System.Net.Http.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

public sealed class EntryAccessTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Same_idempotency_key_and_body_replays_the_first_answer_and_stores_one_entry()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "hang-gai");
        var entry = Entry(year * 10);

        var first = await SubmitAsync(client, year, entry, "gui-bai-1");
        var replay = await SubmitAsync(client, year, entry, "gui-bai-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        var listed = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries"));
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.DoesNotContain(fixture.Bus.Received<EntryRefused>(), r => r.Message.UnitCode == unit);
    }

    [Fact]
    public async Task Same_idempotency_key_with_another_body_is_a_conflict()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-bac");
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(client, year, Entry(year * 10), "khoa-1")).StatusCode);

        var reused = await SubmitAsync(client, year, Entry(year * 10 + 1), "khoa-1");

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", (await ReadAsync(reused)).GetProperty("code").GetString());
        Assert.Equal(1, (await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Refusal_replayed_by_idempotency_key_is_recorded_once()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "hang-ma");
        var entry = Entry(year * 10);
        entry["field"] = "sports";

        var first = await SubmitAsync(client, year, entry, "sai-linh-vuc");
        var replay = await SubmitAsync(client, year, entry, "sai-linh-vuc");
        var accepted = (await SubmitExpectingAsync(client, year, Entry(year * 10 + 1), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (first.StatusCode, replay.StatusCode));
        Assert.Equal("invalid_field", (await ReadAsync(replay)).GetProperty("code").GetString());
        await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<EntryAccepted>().Any(e => e.Message.EntryId == accepted)), found => found);
        Assert.Single(await fixture.RefusalsAsync(year, unit, 1));
    }

    [Fact]
    public async Task Secretariat_submits_for_a_named_unit_and_a_unit_only_for_itself()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "phong-vh");
        var (other, _) = await fixture.UnitAsync(year, "phong-yt");
        var forUnit = Entry(year * 10);
        forUnit["unitCode"] = unit.ToUpperInvariant();
        var forOther = Entry(year * 10 + 1);
        forOther["unitCode"] = other;
        using var judge = fixture.Service.CreateClient(TestCallers.Judge("j1"));
        using var anonymous = fixture.Service.CreateClient();

        var bySecretariat = await SubmitExpectingAsync(fixture.Secretariat, year, forUnit, HttpStatusCode.Created);
        await SubmitExpectingAsync(fixture.Secretariat, year, Entry(year * 10 + 2), HttpStatusCode.BadRequest, "validation_failed");
        await SubmitExpectingAsync(client, year, forOther, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(judge, year, Entry(year * 10 + 3))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SubmitAsync(anonymous, year, Entry(year * 10 + 3))).StatusCode);

        Assert.Equal(unit, bySecretariat.GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_entries()
    {
        var year = await fixture.OpenContestAsync();
        var (mine, client) = await fixture.UnitAsync(year, "cua-dong");
        var (theirs, otherClient) = await fixture.UnitAsync(year, "cua-nam");
        var own = (await SubmitExpectingAsync(client, year, Entry(year * 10), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = (await SubmitExpectingAsync(otherClient, year, Entry(year * 10 + 1), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var ownEntry = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{own}"));
        Assert.Equal(mine, ownEntry.GetProperty("unitCode").GetString());
        Assert.Equal("Nguyễn Văn An", ownEntry.GetProperty("author").GetProperty("fullName").GetString());
        var hidden = await client.GetAsync($"/api/contests/{year}/entries/{other}");
        Assert.Equal((HttpStatusCode.NotFound, "entry_not_found"), (hidden.StatusCode, (await ReadAsync(hidden)).GetProperty("code").GetString()));
        var list = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries"));
        Assert.Equal([own], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/contests/{year}/entries?unitCode={theirs}")).StatusCode);
        var all = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?page=1&pageSize=1"));
        Assert.Equal((2, 1), (all.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?page=0")).StatusCode);
    }

    [Fact]
    public async Task Withdrawn_entry_is_kept_marked_and_published_and_no_longer_listed_as_accepted()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "ly-thai-to");
        var (_, otherClient) = await fixture.UnitAsync(year, "hang-trong");
        var id = (await SubmitExpectingAsync(client, year, Entry(year * 10), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var kept = (await SubmitExpectingAsync(client, year, Entry(year * 10 + 1), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.DeleteAsync($"/api/contests/{year}/entries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Secretariat.DeleteAsync($"/api/contests/{year}/entries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/contests/{year}/entries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/contests/{year}/entries/{id}")).StatusCode);

        var entry = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{id}"));
        Assert.Equal("withdrawn", entry.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, entry.GetProperty("withdrawnAt").ValueKind);
        var accepted = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries?status=accepted"));
        Assert.Equal([kept], accepted.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        var withdrawn = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries?status=withdrawn"));
        Assert.Equal([id], withdrawn.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/contests/{year}/entries?status=refused")).StatusCode);
        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<EntryWithdrawn>().Where(w => w.Message.EntryId == id).ToList()), found => found.Count > 0);
        Assert.Equal(unit, Assert.Single(published.DistinctBy(w => w.MessageId)).Message.UnitCode);
    }

    [Fact]
    public async Task Entry_cannot_be_withdrawn_after_the_contest_closes()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "chuong-duong");
        var id = (await SubmitExpectingAsync(client, year, Entry(year * 10), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var closed = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = "Cuộc thi đã đóng",
            opensAt = DateTimeOffset.UtcNow.AddDays(-30),
            closesAt = DateTimeOffset.UtcNow.AddMinutes(-1)
        });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var response = await client.DeleteAsync($"/api/contests/{year}/entries/{id}");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "contest_closed"), (response.StatusCode, (await ReadAsync(response)).GetProperty("code").GetString()));
        Assert.Equal("accepted", (await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{id}"))).GetProperty("status").GetString());
    }
}
