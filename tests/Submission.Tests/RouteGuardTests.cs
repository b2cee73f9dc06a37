using System.Net;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>The answers every route shares: a year outside the contest years and paging out of range.</summary>
public sealed class RouteGuardTests(SubmissionFixture fixture)
{
    [Theory]
    [InlineData("GET", "/api/contests/1999/entries")]
    [InlineData("GET", "/api/contests/2201/entries/00000000-0000-0000-0000-000000000001")]
    [InlineData("PUT", "/api/contests/1999")]
    [InlineData("PUT", "/api/contests/2201/quotas/hang-gai")]
    public async Task Year_outside_the_contest_years_is_400_on_every_route(string method, string path)
    {
        var response = await fixture.Secretariat.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : Json("{}")
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task Submission_for_a_year_outside_the_contest_years_stores_no_idempotent_answer()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-dao");
        var entry = Entry(year * 10);

        var refused = await SubmitAsync(client, 1999, entry, $"guard-{year}");
        var accepted = await SubmitAsync(client, year, entry, $"guard-{year}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory]
    [InlineData("page=0", "invalid_paging")]
    [InlineData("page=1000001", "invalid_paging")]
    [InlineData("pageSize=0", "invalid_paging")]
    [InlineData("pageSize=201", "invalid_paging")]
    public async Task Paging_out_of_range_is_400_on_every_list(string query, string code)
    {
        var year = await fixture.OpenContestAsync();

        foreach (var path in new[] { $"/api/contests/{year}/entries?{query}", $"/api/units?{query}" })
        {
            var response = await fixture.Secretariat.GetAsync(path);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(code, (await ReadAsync(response)).GetProperty("code").GetString());
        }
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
