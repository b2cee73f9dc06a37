using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record ResultItem(int Rank, Guid EntryId, string Title, string UnitCode, double Score, string? Prize, bool ForwardedToCity,
    string? CityOutcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NormalizedScore);
public sealed record ResultsQuery(bool? Normalized);
public sealed record CityOutcomeRequest(string? Outcome);
public sealed record ReopenRequest(string? Reason);
public sealed record ReopenedResults(int Year, DateTimeOffset FinalizedAt, DateTimeOffset ReopenedAt, string Reason);
public sealed record CityOutcomeView(Guid EntryId, string UnitCode, string Outcome, DateTimeOffset RecordedAt);

public static class CityOutcomes
{
    public const int MaxLength = 200;
}

public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var judging = app.MapGroup("/api/judging/{year:int}").WithTags("Results").WithContestYear().WithIdempotency<JudgingDbContext>();
        judging.MapPost("/finalize", FinalizeResults).WithSummary("Finalise the results")
            .WithDescription("Ranks the year's entries by their judges' mean total (ties: higher content score, then earlier receipt), gives the prizes down the ranks, forwards the top ones to the city and freezes the scores, once per year. 409 scores_missing while any assignment is unscored.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        judging.MapPost("/reopen", ReopenResults).WithSummary("Reopen the final results")
            .WithDescription("The secretariat reopens the year's final results, saying why (reason required): the ranking is set aside, scores can be corrected and the panel changed, and finalising again ranks and publishes anew; recognition and reporting set the year's prizes aside meanwhile. 409 judging_not_finalized, city_outcomes_recorded.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        judging.MapGet("/results", GetResults).WithSummary("Read the results")
            .WithDescription("The final ranking with prizes and who goes to the city, once finalised. Paged.")
            .RequireAuthorization(p => p.RequireRole(Roles.Secretariat, Roles.Judge));
        judging.MapGet("/results.csv", DownloadResults).WithSummary("Download the results as CSV")
            .WithDescription("The whole final ranking as UTF-8 CSV with a byte-order mark, for spreadsheet programs.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv")
            .RequireAuthorization(p => p.RequireRole(Roles.Secretariat, Roles.Judge));
        judging.MapPut("/entries/{entryId:guid}/city-outcome", RecordCityOutcome).WithSummary("Record the city's award for an entry")
            .WithDescription("For an entry the district forwarded: the award as the city's decision words it (e.g. \"giải Ba\"). Recording again corrects it.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    /// <summary>
    /// Ranks the year's entries, gives the prizes down the ranks, forwards the top ones to the city, freezes the
    /// scores and publishes <see cref="JudgingFinalized"/> in the same transaction (outbox): exactly once per year.
    /// </summary>
    public static async Task<Results<Ok<Page<ResultItem>>, ProblemHttpResult>> FinalizeResults(
        int year, [AsParameters] ResultsQuery query, [AsParameters] PageRequest paging, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        var panel = await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year) ?? new JudgingYear { Year = year };
        if (panel.IsFinalized)
        {
            return SettingsApi.Finalized(year);
        }

        // Claiming the year first takes the write lock, so the scores read below are the last ones: a score racing
        // finalisation waits for this transaction, then finds the year final and is refused.
        await using var work = await db.BeginWriteAsync();
        var finalizedAt = clock.GetUtcNow();
        var claimed = await db.Years.Where(y => y.Year == year && y.FinalizedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(y => y.FinalizedAt, finalizedAt).SetProperty(y => y.Version, Guid.NewGuid()));
        var entries = await db.Entries.AsNoTracking().InJudging(year).ToListAsync();
        var entryIds = entries.Select(e => e.Id).ToHashSet();
        var assignments = (await db.Assignments.AsNoTracking().Where(a => a.Year == year).ToListAsync())
            .Where(a => entryIds.Contains(a.EntryId)).ToList();
        if (Refusal(year, panel, claimed, entries, assignments) is { } refusal)
        {
            return refusal;
        }

        var byEntry = assignments.ToLookup(a => a.EntryId);
        var scored = entries.Select(e => new ScoredEntry(e.Id, e.ReceivedAt, byEntry[e.Id]
            .Select(a => new JudgeScore(a.JudgeId, a.Total!.Value, a.Points.GetValueOrDefault(JudgingYear.ContentKey))).ToList())).ToList();
        var results = Ranking.Rank(scored, panel.Prizes, panel.CityForwardCount).Select(p => new Result
        {
            Year = year,
            EntryId = p.EntryId,
            Rank = p.Rank,
            Score = p.Score,
            ContentScore = p.ContentScore,
            NormalizedScore = p.NormalizedScore,
            Prize = p.Prize,
            ForwardedToCity = p.ForwardedToCity
        }).ToList();
        db.Results.AddRange(results);
        var byId = entries.ToDictionary(e => e.Id);
        db.Publish(new JudgingFinalized(year, finalizedAt, results.Select(r =>
            new RankedEntry(r.EntryId, byId[r.EntryId].UnitCode, byId[r.EntryId].Title, r.Rank, r.Score, r.Prize, r.ForwardedToCity)).ToList()));
        db.Audit(Actor.Of(user), "results.finalized", "judging-year", year.ToString(),
            new { ranked = results.Count, prized = results.Count(r => r.Prize is not null), forwardedToCity = results.Count(r => r.ForwardedToCity) }, year);
        await db.SaveChangesAsync();
        await work.CommitAsync();
        return TypedResults.Ok(await ResultPage(year, query.Normalized == true, paging, db));
    }

    /// <summary>
    /// Sets the final ranking aside so scores can be corrected; publishes <see cref="ResultsReopened"/> in the same
    /// transaction. Refused once the city recorded outcomes, as those answer the ranking the city was sent.
    /// </summary>
    public static async Task<Results<Ok<ReopenedResults>, ProblemHttpResult>> ReopenResults(
        int year, ReopenRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        if (JudgesApi.ReasonError(request.Reason) is { } reasonError)
        {
            return Problems.Validation("reason", reasonError);
        }
        var reason = VietnameseText.Clean(request.Reason)!;
        await using var work = await db.BeginWriteAsync();
        if (await db.Years.SingleOrDefaultAsync(y => y.Year == year) is not { FinalizedAt: { } finalizedAt } panel)
        {
            return Problems.Conflict("judging_not_finalized", Messages.JudgingNotFinalized(year));
        }
        if (await db.Results.AnyAsync(r => r.Year == year && r.CityOutcome != null))
        {
            return Problems.Conflict("city_outcomes_recorded", Messages.CityOutcomesRecorded);
        }
        var reopenedAt = clock.GetUtcNow();
        panel.FinalizedAt = null;
        panel.Version = Guid.NewGuid();
        var ranked = await db.Results.Where(r => r.Year == year).ExecuteDeleteAsync();
        var actor = Actor.Of(user);
        db.Publish(new ResultsReopened(year, finalizedAt, reopenedAt, reason, actor.Name ?? actor.Id));
        db.Audit(actor, "results.reopened", "judging-year", year.ToString(), new { reason, finalizedAt, ranked }, year);
        await db.SaveChangesAsync();
        await work.CommitAsync();
        return TypedResults.Ok(new ReopenedResults(year, finalizedAt, reopenedAt, reason));
    }

    public static async Task<Results<Ok<Page<ResultItem>>, ProblemHttpResult>> GetResults(
        int year, [AsParameters] ResultsQuery query, [AsParameters] PageRequest paging, ClaimsPrincipal user, JudgingDbContext db)
    {
        if (await ResultsRefusal(year, user, db) is { } refusal)
        {
            return refusal;
        }
        return TypedResults.Ok(await ResultPage(year, query.Normalized == true, paging, db));
    }

    /// <summary>The whole ranking as a spreadsheet-safe CSV file (see <see cref="CsvFile"/>).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadResults(
        int year, bool? normalized, ClaimsPrincipal user, JudgingDbContext db)
    {
        if (await ResultsRefusal(year, user, db) is { } refusal)
        {
            return refusal;
        }
        var rows = await ResultRows(year, db).ToListAsync();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name);
        var header = new List<string> { "rank", "entryId", "title", "unitCode", "unitName", "score", "prize", "forwardedToCity", "cityOutcome" };
        const int normalizedColumn = 6;
        if (normalized == true)
        {
            header.Insert(normalizedColumn, "normalizedScore");
        }
        var records = rows.Select(row =>
        {
            List<object?> cells = [row.Result.Rank, row.Result.EntryId, row.Title, row.UnitCode, units.GetValueOrDefault(row.UnitCode) ?? "",
                row.Result.Score.ToString("0.###", CultureInfo.InvariantCulture), row.Result.Prize ?? "", row.Result.ForwardedToCity ? "true" : "false", row.Result.CityOutcome];
            if (normalized == true)
            {
                cells.Insert(normalizedColumn, row.Result.NormalizedScore.ToString("0.####", CultureInfo.InvariantCulture));
            }
            return cells;
        });
        return CsvFile.Result(header, records, $"ket-qua-cham-thi-{year}.csv");
    }

    /// <summary>
    /// The city-level award for an entry the district forwarded, as the city's decision words it ("giải Ba", "giấy
    /// khen"); recording one means the city rewarded the entry, and reporting counts them. Re-recording corrects it.
    /// </summary>
    public static async Task<Results<Ok<CityOutcomeView>, ProblemHttpResult>> RecordCityOutcome(
        int year, Guid entryId, CityOutcomeRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        var outcome = VietnameseText.Clean(request.Outcome) ?? "";
        if (outcome.Length is 0 or > CityOutcomes.MaxLength)
        {
            return Problems.Validation("outcome", $"outcome names the city's award in 1 to {CityOutcomes.MaxLength} characters, e.g. \"giải Ba\" or \"giấy khen\".");
        }
        if (!await db.Years.AnyAsync(y => y.Year == year && y.FinalizedAt != null))
        {
            return Problems.Conflict("judging_not_finalized", Messages.JudgingNotFinalized(year));
        }
        var result = await db.Results.SingleOrDefaultAsync(r => r.Year == year && r.EntryId == entryId);
        if (result is null)
        {
            return Problems.NotFound("entry_not_found", Messages.RankedEntryNotFound(entryId, year));
        }
        if (!result.ForwardedToCity)
        {
            return Problems.Unprocessable("entry_not_forwarded", Messages.EntryNotForwarded);
        }
        var unitCode = await db.Entries.Where(e => e.Id == entryId).Select(e => e.UnitCode).SingleAsync();
        if (result.CityOutcome != outcome)
        {
            db.Audit(Actor.Of(user), "entry.city-outcome-recorded", "entry", entryId.ToString(), new { from = result.CityOutcome, to = outcome, unitCode }, year);
            result.CityOutcome = outcome;
            result.CityOutcomeRecordedAt = clock.GetUtcNow();
            db.Publish(new CityOutcomeRecorded(year, entryId, unitCode, outcome, result.CityOutcomeRecordedAt.Value));
            await db.SaveChangesAsync();
        }
        return TypedResults.Ok(new CityOutcomeView(entryId, unitCode, outcome, result.CityOutcomeRecordedAt!.Value));
    }

    /// <summary>Why the year cannot be finalised now (the caller's transaction then rolls back), or null.</summary>
    private static ProblemHttpResult? Refusal(int year, JudgingYear panel, int claimed, List<Entry> entries, List<Assignment> assignments)
    {
        var missing = assignments.Count(a => !a.IsScored);
        if (missing > 0)
        {
            return Problems.Conflict("scores_missing", Messages.ScoresMissing(missing),
                [new("missingScores", missing)]);
        }
        var assignedCounts = assignments.CountBy(a => a.EntryId).ToDictionary();
        var unassigned = entries.Count(e => assignedCounts.GetValueOrDefault(e.Id) < panel.JudgesPerEntry);
        if (unassigned > 0)
        {
            return Problems.Conflict("entries_unassigned", Messages.EntriesUnassigned(unassigned, panel.JudgesPerEntry),
                [new("unassignedEntries", unassigned)]);
        }
        if (entries.Count == 0)
        {
            return Problems.Unprocessable("nothing_to_rank", Messages.NothingToRank(year));
        }
        // Entries are assigned, so the year's row exists: nothing claimed means another finalisation won the race.
        return claimed == 0 ? SettingsApi.Finalized(year) : null;
    }

    /// <summary>Results are for the secretariat and this year's judges, and only once final.</summary>
    private static async Task<ProblemHttpResult?> ResultsRefusal(int year, ClaimsPrincipal user, JudgingDbContext db)
    {
        if (!user.IsSecretariat() && await db.CallingJudgeAsync(user, year) is null)
        {
            return Problems.Forbidden(Messages.JudgeSeesOnlyOwnYear);
        }
        if (!await db.Years.AnyAsync(y => y.Year == year && y.FinalizedAt != null))
        {
            return Problems.Conflict("judging_not_finalized", Messages.JudgingNotFinalized(year));
        }
        return null;
    }

    private static async Task<Page<ResultItem>> ResultPage(int year, bool normalized, PageRequest paging, JudgingDbContext db)
    {
        var total = await db.Results.CountAsync(r => r.Year == year);
        var rows = await ResultRows(year, db).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return new Page<ResultItem>(rows.Select(x => new ResultItem(x.Result.Rank, x.Result.EntryId, x.Title, x.UnitCode, x.Result.Score,
            x.Result.Prize, x.Result.ForwardedToCity, x.Result.CityOutcome, normalized ? x.Result.NormalizedScore : null)).ToList(), total);
    }

    private static IQueryable<RankedRow> ResultRows(int year, JudgingDbContext db) =>
        from r in db.Results.AsNoTracking()
        join e in db.Entries.AsNoTracking() on r.EntryId equals e.Id
        where r.Year == year
        orderby r.Rank
        select new RankedRow(r, e.Title, e.UnitCode);

    private sealed record RankedRow(Result Result, string Title, string UnitCode);
}
