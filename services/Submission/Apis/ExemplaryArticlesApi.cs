using System.Security.Claims;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record ExemplaryArticle(Guid Id, string Title, string NomineeFullName, string NomineeWard, string Field, string? Prize, string Body);
public sealed record ExemplaryArticles(int Year, DateTimeOffset? FinalizedAt, IReadOnlyList<ExemplaryArticle> Items);
public sealed record PublicationRequest(bool? Published);
public sealed record PublicationView(Guid EntryId, bool Published, string? Prize, bool Listed);

/// <summary>
/// The year's exemplary articles for the public (the movement publishes them on the district's portal): the
/// prize-winners and those the secretariat chooses, once the results are final, with the nominee's name and ward and
/// the text, and nothing of the author.
/// </summary>
public static class ExemplaryArticlesApi
{
    private static readonly string[] PrizeOrder = ["first", "second", "third", "encouragement"];

    public static IEndpointRouteBuilder MapExemplaryArticlesApi(this IEndpointRouteBuilder app)
    {
        var contest = app.MapGroup("/api/contests/{year:int}").WithTags("Exemplary articles").WithContestYear()
            .WithIdempotency<SubmissionDbContext>();
        contest.MapGet("/exemplary-articles", ListExemplaryArticles).WithSummary("Read the year's exemplary articles")
            .WithDescription("For anyone (no token): once the results are final, the prize-winners in prize order, then the articles the secretariat published; before that, finalizedAt is null and items empty. No author's details.")
            .AllowAnonymous();
        contest.MapPut("/entries/{id:guid}/publication", SetPublication).WithSummary("Publish or withdraw an entry on the public page")
            .WithDescription("The secretariat's choice beside the prize-winners, who are always listed. 404 entry_not_found.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    public static async Task<Ok<ExemplaryArticles>> ListExemplaryArticles(int year, SubmissionDbContext db, CancellationToken cancellationToken)
    {
        var results = await db.YearResults.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, cancellationToken);
        if (results is null)
        {
            return TypedResults.Ok(new ExemplaryArticles(year, null, []));
        }
        var listed = await db.Publications.AsNoTracking().Where(p => p.Year == year && (p.Prize != null || p.ChosenBySecretariat))
            .Join(db.Entries.Where(e => e.Status == EntryStatus.Accepted), p => p.EntryId, e => e.Id, (p, e) => new { p.Prize, Entry = e })
            .ToListAsync(cancellationToken);
        var items = listed
            .OrderBy(l => l.Prize is null ? PrizeOrder.Length : Array.IndexOf(PrizeOrder, l.Prize) is var i and >= 0 ? i : PrizeOrder.Length - 1)
            .ThenBy(l => l.Entry.ReceivedAt)
            .Select(l => new ExemplaryArticle(l.Entry.Id, l.Entry.Title, l.Entry.NomineeFullName, l.Entry.NomineeWard, l.Entry.Field, l.Prize, l.Entry.Body))
            .ToList();
        return TypedResults.Ok(new ExemplaryArticles(year, results.FinalizedAt, items));
    }

    public static async Task<Results<Ok<PublicationView>, ProblemHttpResult>> SetPublication(
        int year, Guid id, PublicationRequest request, ClaimsPrincipal user, SubmissionDbContext db, CancellationToken cancellationToken)
    {
        if (request.Published is not { } published)
        {
            return Problems.Validation("published", "published is true or false.");
        }
        if (!await db.Entries.AnyAsync(e => e.Year == year && e.Id == id, cancellationToken))
        {
            return Problems.NotFound("entry_not_found", Messages.EntryNotFound);
        }
        var publication = await db.Publications.FindAsync([id], cancellationToken)
            ?? db.Publications.Add(new Publication { EntryId = id, Year = year }).Entity;
        if (publication.ChosenBySecretariat != published)
        {
            publication.ChosenBySecretariat = published;
            db.Audit(Actor.Of(user), published ? "entry.published" : "entry.unpublished", "entry", id.ToString(), new { published }, year);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.DiscardPendingChanges();
            return Problems.Conflict("concurrent_change", Messages.ConcurrentChange);
        }
        return TypedResults.Ok(new PublicationView(id, publication.ChosenBySecretariat, publication.Prize, publication.Listed));
    }
}
