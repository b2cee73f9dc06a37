using System.Net;
using System.Net.Http.Json;
using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>What a ward portal reads: the year's rules without a token, its quota, and its refused attempts with the reason.</summary>
public sealed class PortalReadsTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Contest_rules_are_public_with_the_fields_named_in_vietnamese()
    {
        var year = await fixture.OpenContestAsync(minWords: 1000, maxWords: 1200);
        using var anonymous = fixture.Service.CreateClient();

        var response = await anonymous.GetAsync($"/api/contests/{year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contest = await ReadAsync(response);
        Assert.Equal((year, 1000, 1200, 18), (contest.GetProperty("year").GetInt32(), contest.GetProperty("minWords").GetInt32(),
            contest.GetProperty("maxWords").GetInt32(), contest.GetProperty("districtWards").GetArrayLength()));
        Assert.StartsWith("Viết về gương điển hình tiên tiến", contest.GetProperty("title").GetString());
        Assert.True(contest.GetProperty("closesAt").GetDateTimeOffset() > contest.GetProperty("opensAt").GetDateTimeOffset());
        var fields = contest.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("name").GetString());
        Assert.Equal(6, fields.Count);
        Assert.Equal("phát triển kinh tế", fields["economy"]);
        Assert.Equal("Mặt trận Tổ quốc và các đoàn thể", fields["front-unions"]);
    }

    [Fact]
    public async Task Contest_read_of_a_year_without_one_or_outside_the_years_is_a_problem()
    {
        using var anonymous = fixture.Service.CreateClient();

        var missing = await anonymous.GetAsync($"/api/contests/{YearWithoutContest}");
        var outside = await anonymous.GetAsync("/api/contests/1999");

        Assert.Equal((HttpStatusCode.NotFound, "contest_not_found"), (missing.StatusCode, (await ReadAsync(missing)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (outside.StatusCode, (await ReadAsync(outside)).GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Secretariat_reads_every_quota_and_a_unit_only_its_own()
    {
        var year = await fixture.OpenContestAsync();
        var (first, firstClient) = await fixture.UnitAsync(year, "hang-bac");
        var (second, _) = await fixture.UnitAsync(year, "hang-dao");
        await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/{first}", new { target = 4 });
        await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/{second}", new { target = 6 });

        var all = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/quotas"));
        var own = await ReadAsync(await firstClient.GetAsync($"/api/contests/{year}/quotas"));

        Assert.Equal([(first, $"Đơn vị {first}", 4), (second, $"Đơn vị {second}", 6)], all.GetProperty("items").EnumerateArray()
            .Select(q => (q.GetProperty("unitCode").GetString(), q.GetProperty("unitName").GetString(), q.GetProperty("target").GetInt32())));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal((first, 4), own.GetProperty("items").EnumerateArray().Select(q => (q.GetProperty("unitCode").GetString(), q.GetProperty("target").GetInt32())).Single());
        Assert.Equal(1, own.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_quota_reads_are_problems()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-gai");
        using var judge = fixture.Service.CreateClient(TestCallers.Judge("judge-quota"));
        using var anonymous = fixture.Service.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/contests/{year}/quotas?pageSize=201")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/contests/{year}/quotas?page=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/contests/{YearWithoutContest}/quotas")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"/api/contests/{year}/quotas")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/contests/{year}/quotas")).StatusCode);
    }

    [Fact]
    public async Task Unit_reads_its_refused_attempts_with_the_title_and_the_rule_that_names_the_limit()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "phuc-tan");
        var (other, otherClient) = await fixture.UnitAsync(year, "cua-nam");
        var article = ArticleCorpus.Generate(year * 10);
        var words = article.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        await SubmitExpectingAsync(client, year, Entry(article with { Title = "Bài quá ngắn", Body = string.Join(' ', words.Take(900)) }),
            HttpStatusCode.UnprocessableEntity, "word_count_out_of_range");
        var original = await SubmitExpectingAsync(otherClient, year, Entry(article), HttpStatusCode.Created);
        await SubmitExpectingAsync(client, year, Entry(article with { Title = "Bài gửi lại" }), HttpStatusCode.Conflict, "duplicate_entry");

        var own = await ReadAsync(await client.GetAsync($"/api/contests/{year}/refusals"));

        Assert.Equal(2, own.GetProperty("total").GetInt32());
        var items = own.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(("word_count_out_of_range", "Bài quá ngắn", unit), (items[0].GetProperty("code").GetString(), items[0].GetProperty("title").GetString(), items[0].GetProperty("unitCode").GetString()));
        Assert.Equal("Bài viết có 900 từ; Thể lệ yêu cầu từ 1.300 đến 1.500 từ.", items[0].GetProperty("explanation").GetString());
        Assert.False(items[0].TryGetProperty("duplicateOf", out _));
        Assert.Equal(("duplicate_entry", "Bài gửi lại"), (items[1].GetProperty("code").GetString(), items[1].GetProperty("title").GetString()));
        var duplicateOf = items[1].GetProperty("duplicateOf");
        Assert.Equal(original.GetProperty("id").GetGuid(), duplicateOf.GetProperty("id").GetGuid());
        Assert.Equal(original.GetProperty("receivedAt").GetDateTimeOffset(), duplicateOf.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.False(duplicateOf.TryGetProperty("unitCode", out _));
        Assert.DoesNotContain(other, items[1].GetProperty("explanation").GetString());
        Assert.InRange(items[1].GetProperty("similarity").GetDouble(), 0.9, 1.0);
        Assert.True(items[0].GetProperty("attemptedAt").GetDateTimeOffset() <= items[1].GetProperty("attemptedAt").GetDateTimeOffset());
        Assert.Equal(0, (await ReadAsync(await otherClient.GetAsync($"/api/contests/{year}/refusals"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Secretariat_reads_every_refusal_filtered_by_unit_in_any_case_and_by_code()
    {
        var year = await fixture.OpenContestAsync();
        var (first, firstClient) = await fixture.UnitAsync(year, "Ly-Thai-To");
        var (second, secondClient) = await fixture.UnitAsync(year, "dong-xuan");
        var article = ArticleCorpus.Generate(year * 10);
        await SubmitExpectingAsync(firstClient, year, Entry(article with { Field = "sports" }), HttpStatusCode.UnprocessableEntity, "invalid_field");
        await SubmitExpectingAsync(secondClient, year, Entry(article), HttpStatusCode.Created);
        await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Conflict, "duplicate_entry");

        var all = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/refusals"));
        var byUnit = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/refusals?unitCode={first.ToUpperInvariant()}&code=DUPLICATE_ENTRY"));

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var duplicate = Assert.Single(byUnit.GetProperty("items").EnumerateArray());
        Assert.Equal((first, second), (duplicate.GetProperty("unitCode").GetString(), duplicate.GetProperty("duplicateOf").GetProperty("unitCode").GetString()));
        var invalidField = all.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "invalid_field");
        Assert.Contains("economy (phát triển kinh tế)", invalidField.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Bad_refusal_reads_are_problems()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-bo");
        var (other, _) = await fixture.UnitAsync(year, "hang-buom");
        using var judge = fixture.Service.CreateClient(TestCallers.Judge("judge-refusals"));

        foreach (var (response, status, code) in new[]
        {
            (await client.GetAsync($"/api/contests/{year}/refusals?unitCode={other}"), HttpStatusCode.Forbidden, "forbidden"),
            (await client.GetAsync($"/api/contests/{year}/refusals?code=late"), HttpStatusCode.BadRequest, "validation_failed"),
            (await client.GetAsync($"/api/contests/{year}/refusals?pageSize=0"), HttpStatusCode.BadRequest, "invalid_paging"),
            (await client.GetAsync($"/api/contests/{YearWithoutContest}/refusals"), HttpStatusCode.NotFound, "contest_not_found"),
            (await judge.GetAsync($"/api/contests/{year}/refusals"), HttpStatusCode.Forbidden, "forbidden")
        })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, (await ReadAsync(response)).GetProperty("code").GetString());
        }
    }
}
