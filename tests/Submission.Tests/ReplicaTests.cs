using System.Net;
using HoanKiem.ServiceDefaults;
using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>
/// A second replica of the service on the fixture's database, as the app host's replicas run: whichever replica an
/// article reaches, a copy of an article stored through the other one is refused, and two copies racing in through
/// both replicas at once are accepted once.
/// </summary>
public sealed class ReplicaTests(SubmissionFixture fixture) : IAsyncLifetime
{
    private ServiceFactory<Program> replica = null!;

    public async ValueTask InitializeAsync()
    {
        replica = new ServiceFactory<Program>(fixture.Broker, ResourceNames.SubmissionDb, fixture.Service.DatabasePath);
        using var client = replica.CreateClient();
        await Eventually.Until(async () => (await client.GetAsync("/health")).IsSuccessStatusCode, healthy => healthy, TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync() => await replica.DisposeAsync();

    [Fact]
    public async Task Copy_of_an_article_stored_through_the_other_replica_is_refused()
    {
        var year = await fixture.OpenContestAsync();
        var (first, firstClient) = await fixture.UnitAsync(year, "phuong-hang-bac");
        var (second, _) = await fixture.UnitAsync(year, "phuong-hang-dao");
        using var secondOnReplica = replica.CreateClient(TestCallers.Unit(second));
        using var firstOnReplica = replica.CreateClient(TestCallers.Unit(first));

        // Stored after the replica started, so only its catch-up before the check can know them.
        var article = ArticleCorpus.Generate(year * 10);
        var original = await SubmitExpectingAsync(firstClient, year, Entry(article), HttpStatusCode.Created);
        var refused = await SubmitExpectingAsync(secondOnReplica, year, Entry(ArticleCorpus.Edit(article, EditKind.SentencesReordered, 3)), HttpStatusCode.Conflict, "duplicate_entry");
        Assert.Equal(original.GetProperty("id").GetGuid(), refused.GetProperty("duplicateOf").GetProperty("id").GetGuid());

        var other = ArticleCorpus.Generate(year * 10 + 1);
        var storedOnReplica = await SubmitExpectingAsync(firstOnReplica, year, Entry(other), HttpStatusCode.Created);
        var refusedOnPrimary = await SubmitExpectingAsync(fixture.Service.CreateClient(TestCallers.Unit(second)), year, Entry(ArticleCorpus.Edit(other, EditKind.NewTitle, 4)), HttpStatusCode.Conflict, "duplicate_entry");
        Assert.Equal(storedOnReplica.GetProperty("id").GetGuid(), refusedOnPrimary.GetProperty("duplicateOf").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Same_article_racing_into_both_replicas_is_accepted_once()
    {
        var year = await fixture.OpenContestAsync();
        var (_, firstClient) = await fixture.UnitAsync(year, "phuong-trang-tien");
        var (second, _) = await fixture.UnitAsync(year, "phuong-cua-nam");
        using var secondOnReplica = replica.CreateClient(TestCallers.Unit(second));

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var article = ArticleCorpus.Generate(year * 100 + i);
            var both = await Task.WhenAll(
                SubmitAsync(firstClient, year, Entry(article)),
                SubmitAsync(secondOnReplica, year, Entry(ArticleCorpus.Edit(article, EditKind.WhitespaceChanged, i))));
            return both.Select(response => response.StatusCode).Order().ToArray();
        }));

        Assert.All(answers, pair => Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], pair));
        var listed = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?pageSize=100"));
        Assert.Equal(12, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Replica_whose_store_failed_still_learns_what_the_other_stores_next()
    {
        var year = await fixture.OpenContestAsync();
        var (_, firstClient) = await fixture.UnitAsync(year, "phuong-hang-trong");
        var (second, _) = await fixture.UnitAsync(year, "phuong-phan-chu-trinh");
        using var secondOnReplica = replica.CreateClient(TestCallers.Unit(second));
        var unstorable = Entry(ArticleCorpus.Generate(year * 10 + 2));
        var title = $"Bài không lưu được {year}";
        unstorable["title"] = title;

        // The database refuses that one article, as a full disk or a broken file would refuse a transaction.
        await ExecuteAsync($"CREATE TRIGGER refuse_{year} BEFORE INSERT ON Entries WHEN NEW.Title = '{title}' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        try
        {
            var failed = await SubmitAsync(firstClient, year, unstorable);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER refuse_{year}");
        }

        // The failed store took no sequence number for good: the next entry, stored through the replica, must reach
        // the primary's index, or a copy of it would get in through the primary.
        var article = ArticleCorpus.Generate(year * 10 + 3);
        var original = await SubmitExpectingAsync(secondOnReplica, year, Entry(article), HttpStatusCode.Created);
        var refused = await SubmitExpectingAsync(firstClient, year, Entry(ArticleCorpus.Edit(article, EditKind.NewTitle, 5)), HttpStatusCode.Conflict, "duplicate_entry");
        Assert.Equal(original.GetProperty("id").GetGuid(), refused.GetProperty("duplicateOf").GetProperty("id").GetGuid());
        await SubmitExpectingAsync(firstClient, year, Entry(ArticleCorpus.Generate(year * 10 + 2)), HttpStatusCode.Created);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Service.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
