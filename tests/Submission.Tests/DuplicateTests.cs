using System.Net;
using HoanKiem.Submission.Corpus;
using HoanKiem.Submission.Data;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

public sealed class DuplicateTests(SubmissionFixture fixture)
{
    [Theory]
    [InlineData(EditKind.NewTitle)]
    [InlineData(EditKind.SentencesReordered)]
    [InlineData(EditKind.WordsAndCommasChanged)]
    [InlineData(EditKind.WhitespaceChanged)]
    [InlineData(EditKind.Decomposed)]
    [InlineData(EditKind.WithoutDiacritics)]
    [InlineData(EditKind.AllAtOnce)]
    [InlineData(EditKind.ZeroWidthInWords)]
    [InlineData(EditKind.SoftHyphens)]
    [InlineData(EditKind.LookAlikeLetters)]
    public async Task Light_edit_sent_by_another_unit_is_refused_naming_the_original_but_not_its_unit(EditKind edit)
    {
        var year = await fixture.OpenContestAsync();
        var (first, firstClient) = await fixture.UnitAsync(year, "hoi-ccb");
        var (second, secondClient) = await fixture.UnitAsync(year, "hoi-chu-thap-do");
        var article = ArticleCorpus.Generate(year * 10);
        var original = await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Created);

        var problem = await SubmitExpectingAsync(secondClient, year, Entry(ArticleCorpus.Edit(article, edit, year)), HttpStatusCode.Conflict, "duplicate_entry");

        var duplicateOf = problem.GetProperty("duplicateOf");
        Assert.Equal(original.GetProperty("id").GetGuid(), duplicateOf.GetProperty("id").GetGuid());
        Assert.False(duplicateOf.TryGetProperty("unitCode", out _), "another unit learns who sent the original");
        Assert.DoesNotContain(first, problem.GetRawText());
        Assert.Equal(original.GetProperty("receivedAt").GetDateTimeOffset(), duplicateOf.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.InRange(problem.GetProperty("similarity").GetDouble(), 0.9, 1.0);
        var listed = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?unitCode={second}"));
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Duplicate_is_recorded_and_published_with_the_entry_it_repeats()
    {
        var year = await fixture.OpenContestAsync();
        var (first, firstClient) = await fixture.UnitAsync(year, "quan-doan");
        var (second, secondClient) = await fixture.UnitAsync(year, "hoi-lhpn");
        var article = ArticleCorpus.Generate(year * 10);
        var original = (await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var problem = await SubmitExpectingAsync(secondClient, year, Entry(ArticleCorpus.Edit(article, EditKind.WordsAndCommasChanged, 7)), HttpStatusCode.Conflict, "duplicate_entry");
        // The same unit sending its own article again is a duplicate too.
        await SubmitExpectingAsync(firstClient, year, Entry(ArticleCorpus.Edit(article, EditKind.NewTitle, 8)), HttpStatusCode.Conflict, "duplicate_entry");

        var published = Assert.Single(await fixture.RefusalsAsync(year, second, 1));
        Assert.Equal(("duplicate_entry", original, first), (published.Code, published.DuplicateOfEntryId, published.DuplicateOfUnitCode));
        Assert.Equal(problem.GetProperty("similarity").GetDouble(), published.Similarity);
        Assert.Equal(original, Assert.Single(await fixture.RefusalsAsync(year, first, 1)).DuplicateOfEntryId);
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SubmissionDbContext>().RefusedAttempts
            .Where(a => a.Year == year).OrderBy(a => a.AttemptedAt).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([second, first], stored.Select(a => a.UnitCode));
        Assert.All(stored, a => Assert.Equal(("duplicate_entry", original, first), (a.Code, a.DuplicateOfEntryId, a.DuplicateOfUnitCode)));
        Assert.Equal(published.AttemptId, stored[0].Id);
    }

    [Fact]
    public async Task Different_articles_about_the_same_place_sharing_the_movements_slogans_are_all_accepted()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-dao");
        foreach (var seed in Enumerable.Range(year * 100, 12))
        {
            var article = ArticleCorpus.Generate(seed);
            // Every one opens with slogans and closes with all of them, word for word.
            var withSlogans = article with { Body = article.Body + "\n\n" + string.Join(' ', ArticleCorpus.Slogans.Take(3)), NomineeWard = "Hàng Đào" };
            if (ArticleCorpus.CountWords(withSlogans.Body) <= ArticleCorpus.MaxWords)
            {
                article = withSlogans;
            }
            await SubmitExpectingAsync(client, year, Entry(article), HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Same_article_in_another_contest_year_is_not_a_duplicate()
    {
        var year = await fixture.OpenContestAsync();
        var nextYear = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-buom");
        var article = ArticleCorpus.Generate(year * 10);

        await SubmitExpectingAsync(client, year, Entry(article), HttpStatusCode.Created);
        await SubmitExpectingAsync(client, nextYear, Entry(article), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Article_rewritten_in_a_large_part_is_a_new_article()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-bai");
        var article = ArticleCorpus.Generate(year * 10);
        await SubmitExpectingAsync(client, year, Entry(article), HttpStatusCode.Created);

        // A fifth of the words replaced leaves well under half of the four-syllable shingles in common.
        await SubmitExpectingAsync(client, year, Entry(ArticleCorpus.ReplaceWords(article, 0.2, year)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_copies_racing_in_from_two_units_give_exactly_one_acceptance()
    {
        var year = await fixture.OpenContestAsync();
        var units = new List<HttpClient>();
        foreach (var name in new[] { "race-a", "race-b", "race-c", "race-d" })
        {
            units.Add((await fixture.UnitAsync(year, name)).Client);
        }
        var article = ArticleCorpus.Generate(year * 10);

        using var start = new SemaphoreSlim(0);
        var racers = units.Select((client, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await SubmitAsync(client, year, Entry(i % 2 == 0 ? article : ArticleCorpus.Edit(article, EditKind.WithoutDiacritics, i)));
        })).ToList();
        start.Release(units.Count);
        var answers = await Task.WhenAll(racers);

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(units.Count - 1, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var listed = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries"));
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Withdrawn_article_sent_again_is_accepted_and_other_copies_are_then_refused()
    {
        var year = await fixture.OpenContestAsync();
        var (_, firstClient) = await fixture.UnitAsync(year, "trang-tien");
        var (second, secondClient) = await fixture.UnitAsync(year, "tran-hung-dao");
        var article = ArticleCorpus.Generate(year * 10);
        var original = (await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await firstClient.DeleteAsync($"/api/contests/{year}/entries/{original}")).StatusCode);

        var resent = await SubmitExpectingAsync(secondClient, year, Entry(ArticleCorpus.Edit(article, EditKind.NewTitle, 1)), HttpStatusCode.Created);
        var again = await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Conflict, "duplicate_entry");

        Assert.Equal(resent.GetProperty("id").GetGuid(), again.GetProperty("duplicateOf").GetProperty("id").GetGuid());
        Assert.False(again.GetProperty("duplicateOf").TryGetProperty("unitCode", out _));
        Assert.DoesNotContain(second, again.GetRawText());
        var forSecond = Entry(article);
        forSecond["unitCode"] = second.ToUpperInvariant();
        var bySecretariat = await SubmitExpectingAsync(fixture.Secretariat, year, forSecond, HttpStatusCode.Conflict, "duplicate_entry");
        Assert.Equal(second, bySecretariat.GetProperty("duplicateOf").GetProperty("unitCode").GetString());
        var bySender = await SubmitExpectingAsync(secondClient, year, Entry(article), HttpStatusCode.Conflict, "duplicate_entry");
        Assert.Equal(second, bySender.GetProperty("duplicateOf").GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task The_secretariat_and_the_originals_own_unit_are_told_which_unit_sent_the_original()
    {
        var year = await fixture.OpenContestAsync();
        var (first, firstClient) = await fixture.UnitAsync(year, "hang-bo");
        var (second, _) = await fixture.UnitAsync(year, "hang-bac");
        var article = ArticleCorpus.Generate(year * 10);
        await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Created);

        var own = await SubmitExpectingAsync(firstClient, year, Entry(ArticleCorpus.Edit(article, EditKind.NewTitle, 1)), HttpStatusCode.Conflict, "duplicate_entry");
        var onBehalf = Entry(ArticleCorpus.Edit(article, EditKind.LookAlikeLetters, 2));
        onBehalf["unitCode"] = second;
        var secretariat = await SubmitExpectingAsync(fixture.Secretariat, year, onBehalf, HttpStatusCode.Conflict, "duplicate_entry");

        Assert.Equal(first, own.GetProperty("duplicateOf").GetProperty("unitCode").GetString());
        Assert.Equal(first, secretariat.GetProperty("duplicateOf").GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task Index_is_rebuilt_from_the_database_when_the_service_restarts()
    {
        await using var service = new SubmissionService(fixture.Broker);
        using var secretariat = service.CreateClient(TestCallers.Secretariat);
        const int year = 2019;
        await OpenContestAsync(secretariat, year);
        var (unit, client) = await UnitAsync(service, secretariat, "phuong-hang-gai");
        var article = ArticleCorpus.Generate(424242);
        var original = await SubmitExpectingAsync(client, year, Entry(article), HttpStatusCode.Created);
        var withdrawn = (await SubmitExpectingAsync(client, year, Entry(424243), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/contests/{year}/entries/{withdrawn}")).StatusCode);

        // A second host on the same database file starts with an empty memory, as after a restart.
        await using var restarted = service.WithWebHostBuilder(_ => { });
        using var restartedClient = restarted.CreateClient();
        restartedClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var problem = await SubmitExpectingAsync(restartedClient, year, Entry(ArticleCorpus.Edit(article, EditKind.SentencesReordered, 3)), HttpStatusCode.Conflict, "duplicate_entry");

        Assert.Equal(original.GetProperty("id").GetGuid(), problem.GetProperty("duplicateOf").GetProperty("id").GetGuid());
        Assert.Equal(unit, problem.GetProperty("duplicateOf").GetProperty("unitCode").GetString());
        await SubmitExpectingAsync(restartedClient, year, Entry(424243), HttpStatusCode.Created);
    }
}
