using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>The public page of the year's exemplary articles: the panel's prize-winners and the secretariat's choices, once final.</summary>
public sealed class ExemplaryArticlesTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Final_results_publish_the_prize_winners_and_the_secretariats_choice_with_no_author_details()
    {
        var year = await fixture.OpenContestAsync();
        var (unitCode, client) = await fixture.UnitAsync(year, "hang-bo");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await SubmitExpectingAsync(client, year, Entry(year * 10 + i), HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }
        var path = $"/api/contests/{year}/exemplary-articles";
        var anonymous = fixture.Service.CreateClient();

        var before = await ReadAsync(await anonymous.GetAsync(path));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("finalizedAt").ValueKind);
        Assert.Empty(before.GetProperty("items").EnumerateArray());
        var chosen = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/entries/{ids[2]}/publication", new { published = true });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Empty((await ReadAsync(await anonymous.GetAsync(path))).GetProperty("items").EnumerateArray());

        var finalizedAt = DateTimeOffset.UtcNow;
        await fixture.Bus.PublishAsync(new JudgingFinalized(year, finalizedAt,
        [
            new RankedEntry(ids[1], unitCode, "b", 1, 90, "first", true),
            new RankedEntry(ids[0], unitCode, "a", 2, 80, "encouragement", false),
            new RankedEntry(ids[2], unitCode, "c", 3, 70, null, false)
        ]));
        var published = await Eventually.Until(async () => await ReadAsync(await anonymous.GetAsync(path)),
            page => page.GetProperty("items").GetArrayLength() == 3);

        var items = published.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([ids[1], ids[0], ids[2]], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(["first", "encouragement", null], items.Select(i => i.GetProperty("prize").GetString()));
        Assert.All(items, i =>
        {
            Assert.False(string.IsNullOrEmpty(i.GetProperty("body").GetString()));
            Assert.False(string.IsNullOrEmpty(i.GetProperty("nomineeFullName").GetString()));
            Assert.False(i.TryGetProperty("author", out _));
        });
        Assert.DoesNotContain("0912345678", published.GetRawText());
        Assert.DoesNotContain("an@example.vn", published.GetRawText());

        // Withdrawn from the page by the secretariat, the choice goes; a prize-winner stays whatever is chosen.
        await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/entries/{ids[2]}/publication", new { published = false });
        var prizeWinner = await ReadAsync(await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/entries/{ids[1]}/publication", new { published = false }));
        Assert.True(prizeWinner.GetProperty("listed").GetBoolean());
        Assert.Equal(2, (await ReadAsync(await anonymous.GetAsync(path))).GetProperty("items").GetArrayLength());

        // Reopened, the results are final no more and the page empties until they are finalised again.
        await fixture.Bus.PublishAsync(new ResultsReopened(year, finalizedAt, finalizedAt.AddHours(1), "Sai điểm một bài", "secretariat"));
        await Eventually.Until(async () => await ReadAsync(await anonymous.GetAsync(path)),
            page => page.GetProperty("finalizedAt").ValueKind == JsonValueKind.Null && page.GetProperty("items").GetArrayLength() == 0);
    }

    [Fact]
    public async Task Publishing_an_unknown_entry_or_without_a_choice_is_refused_and_units_cannot_publish()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-ma");
        var id = (await SubmitExpectingAsync(client, year, Entry(year * 10 + 5), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var unknown = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/entries/{Guid.NewGuid()}/publication", new { published = true });
        var unchosen = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/entries/{id}/publication", new { });
        var byUnit = await client.PutAsJsonAsync($"/api/contests/{year}/entries/{id}/publication", new { published = true });

        Assert.Equal((HttpStatusCode.NotFound, "entry_not_found"), (unknown.StatusCode, (await ReadAsync(unknown)).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
    }
}
