using System.Net;
using HoanKiem.Submission.Corpus;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>What the secretariat's console reads: entries found by text typed without diacritics, and a duplicate beside its original.</summary>
public sealed class SecretariatReadsTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Entries_are_found_by_title_or_nominee_typed_without_diacritics_and_narrowed_by_field_and_month()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "hang-trong");
        var first = ArticleCorpus.Generate(year * 10 + 1);
        var second = ArticleCorpus.Generate(year * 10 + 2);
        var byName = await SubmitExpectingAsync(client, year, Entry(first with { NomineeFullName = "Đặng Thị Hường", Field = "economy" }), HttpStatusCode.Created);
        var byTitle = await SubmitExpectingAsync(client, year, Entry(second with { Title = "Người giữ lửa ở phố Hàng Trống", Field = "urban" }), HttpStatusCode.Created);
        var month = VietnamTimeMonth(byName.GetProperty("receivedAt").GetDateTimeOffset());

        async Task<List<Guid>> Found(string query) =>
            (await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?{query}"))).GetProperty("items").EnumerateArray()
                .Select(e => e.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([byName.GetProperty("id").GetGuid()], await Found("q=dang%20thi%20HUONG"));
        Assert.Equal([byTitle.GetProperty("id").GetGuid()], await Found("q=giu%20lua%20o%20pho%20hang%20trong"));
        Assert.Equal([byTitle.GetProperty("id").GetGuid()], await Found($"q=h%C3%A0ng%20tr%E1%BB%91ng&field=urban&unitCode={unit}"));
        Assert.Empty(await Found("q=giu%20lua&field=economy"));
        Assert.Equal(2, (await Found($"month={month}")).Count);
        Assert.Empty(await Found($"month={month[..4]}-{(month.EndsWith("-01", StringComparison.Ordinal) ? "02" : "01")}"));
    }

    [Theory]
    [InlineData("field=sports", "field")]
    [InlineData("month=2020-13", "month")]
    [InlineData("month=soon", "month")]
    [InlineData("status=lost", "status")]
    public async Task A_bad_entry_filter_is_a_validation_problem(string query, string member)
    {
        var year = await fixture.OpenContestAsync();

        var response = await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(member, out _));
    }

    [Fact]
    public async Task Secretariat_reads_a_duplicate_attempts_text_beside_its_original_and_no_unit_can()
    {
        var year = await fixture.OpenContestAsync();
        var (first, firstClient) = await fixture.UnitAsync(year, "hang-buom");
        var (second, secondClient) = await fixture.UnitAsync(year, "hang-ma");
        var article = ArticleCorpus.Generate(year * 10 + 3);
        var original = await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Created);
        var copyBody = article.Body + " Bài viết được gửi lại.";
        await SubmitExpectingAsync(secondClient, year, Entry(article with { Title = "Bản sao", Body = copyBody }), HttpStatusCode.Conflict, "duplicate_entry");
        var attempt = (await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/refusals?unitCode={second}")))
            .GetProperty("items").EnumerateArray().Single();
        var id = attempt.GetProperty("id").GetGuid();

        var detail = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/refusals/{id}"));

        Assert.Equal((second, "duplicate_entry", "Bản sao", copyBody),
            (detail.GetProperty("unitCode").GetString(), detail.GetProperty("code").GetString(), detail.GetProperty("title").GetString(), detail.GetProperty("body").GetString()));
        Assert.InRange(detail.GetProperty("similarity").GetDouble(), 0.9, 1.0);
        var originalView = detail.GetProperty("original");
        Assert.Equal((original.GetProperty("id").GetGuid(), first, article.Title, article.Body, "accepted"),
            (originalView.GetProperty("id").GetGuid(), originalView.GetProperty("unitCode").GetString(), originalView.GetProperty("title").GetString(),
                originalView.GetProperty("body").GetString(), originalView.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await secondClient.GetAsync($"/api/contests/{year}/refusals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await firstClient.GetAsync($"/api/contests/{year}/refusals/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_rule_refusal_keeps_its_text_without_an_original_and_an_unknown_one_is_not_found()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "hang-bo");
        var article = ArticleCorpus.Generate(year * 10 + 4);
        var shortBody = string.Join(' ', article.Body.Split(' ').Take(200));
        await SubmitExpectingAsync(client, year, Entry(article with { Body = shortBody }), HttpStatusCode.UnprocessableEntity, "word_count_out_of_range");
        var id = (await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/refusals?unitCode={unit}")))
            .GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();

        var detail = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/refusals/{id}"));
        var missing = await fixture.Secretariat.GetAsync($"/api/contests/{year}/refusals/{Guid.NewGuid()}");

        Assert.Equal(shortBody, detail.GetProperty("body").GetString());
        Assert.False(detail.TryGetProperty("original", out _));
        Assert.Equal((HttpStatusCode.NotFound, "refusal_not_found"), (missing.StatusCode, (await ReadAsync(missing)).GetProperty("code").GetString()));
    }

    private static string VietnamTimeMonth(DateTimeOffset instant) => ServiceDefaults.VietnamTime.ToLocal(instant).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
