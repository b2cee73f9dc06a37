using System.Security.Claims;
using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record NomineeView(
    Guid Id, Guid EntryId, IReadOnlyList<Guid> EntryIds, string UnitCode, string FullName, string Ward, string Field, string Status,
    string? AppraisalNote, string? AppraisedBy, DateTimeOffset? AppraisedAt);
public sealed record NomineeListQuery(string? Status);
public sealed record AppraisalRequest(string? Outcome, string? Note);

public static class NomineesApi
{
    public const int MaxNoteLength = 2000;

    public static IEndpointRouteBuilder MapNomineesApi(this IEndpointRouteBuilder app)
    {
        var nominees = app.MapYearGroup("/nominees", "Nominees");
        nominees.MapGet("/", ListNominees).WithSummary("List nominees")
            .WithDescription("One nominee per person (same name and ward), with the entries that introduced them; status narrows to proposed, verified, rejected or commended. Paged.");
        nominees.MapGet("/{id:guid}", GetNominee).WithSummary("Read a nominee");
        nominees.MapPost("/{id:guid}/appraisal", Appraise).WithSummary("Appraise a nominee")
            .WithDescription("The secretariat verifies or rejects the person with a note; a later appraisal may correct it until a decision commends them.");
        return app;
    }

    public static async Task<Results<Ok<Page<NomineeView>>, ProblemHttpResult>> ListNominees(
        int year, [AsParameters] NomineeListQuery query, [AsParameters] PageRequest paging, RecognitionDbContext db)
    {
        var status = query.Status?.Trim().ToLowerInvariant();
        if (status is { Length: > 0 } && !NomineeStatus.Public.Contains(status))
        {
            return Problems.Validation("status", $"status is one of {string.Join(", ", NomineeStatus.Public)}.");
        }
        var nominees = db.Nominees.AsNoTracking().Where(n => n.Year == year && n.Status != NomineeStatus.Withdrawn);
        if (status is { Length: > 0 })
        {
            nominees = nominees.Where(n => n.Status == status);
        }
        var total = await nominees.CountAsync();
        var page = await ToViews(db, nominees.OrderBy(n => n.IntroducedAt).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.Size)).ToListAsync();
        return TypedResults.Ok(new Page<NomineeView>(page, total));
    }

    public static async Task<Results<Ok<NomineeView>, ProblemHttpResult>> GetNominee(int year, Guid id, RecognitionDbContext db)
    {
        var nominee = await ToViews(db, db.Nominees.Where(n => n.Year == year && n.Id == id && n.Status != NomineeStatus.Withdrawn)).SingleOrDefaultAsync();
        return nominee is null ? NotFound(id, year) : TypedResults.Ok(nominee);
    }

    /// <summary>Thẩm định, xác minh: the secretariat verifies or rejects; a later appraisal may correct it until a decision commends the person.</summary>
    public static async Task<Results<Ok<NomineeView>, ProblemHttpResult>> Appraise(
        int year, Guid id, AppraisalRequest request, ClaimsPrincipal user, RecognitionDbContext db, TimeProvider clock)
    {
        var outcome = request.Outcome?.Trim().ToLowerInvariant();
        var note = VietnameseText.Clean(request.Note) is { Length: > 0 } cleaned ? cleaned : null;
        var errors = new Dictionary<string, string[]>();
        if (outcome is not (NomineeStatus.Verified or NomineeStatus.Rejected))
        {
            errors["outcome"] = ["outcome is verified or rejected."];
        }
        if (note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"A note has at most {MaxNoteLength} characters."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var nominee = await db.Nominees.SingleOrDefaultAsync(n => n.Year == year && n.Id == id && n.Status != NomineeStatus.Withdrawn);
        if (nominee is null)
        {
            return NotFound(id, year);
        }
        if (nominee.Status == NomineeStatus.Commended)
        {
            return Problems.Conflict("already_commended", Messages.NomineeAlreadyCommended(nominee.FullName),
                [new("nomineeId", nominee.Id), new("fullName", nominee.FullName)]);
        }

        var before = new { status = nominee.Status, note = nominee.AppraisalNote };
        var now = clock.GetUtcNow();
        nominee.Revision++;
        nominee.Status = outcome!;
        nominee.AppraisalOutcome = outcome;
        nominee.AppraisalNote = note;
        nominee.AppraisedBy = user.Caller().ClientId;
        nominee.AppraisedAt = now;
        db.Audit(Actor.Of(user), "nominee.appraised", "nominee", nominee.Id.ToString(),
            new { from = before, to = new { status = outcome, note } }, year);
        db.Publish(new NomineeAppraised(nominee.Id, year, outcome!, now));
        if (await RecognitionRoutes.TrySaveAsync(db, figuresOf: year) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(await ToViews(db, db.Nominees.Where(n => n.Id == id)).SingleAsync());
    }

    private static ProblemHttpResult NotFound(Guid id, int year) =>
        Problems.NotFound("nominee_not_found", Messages.NomineeNotFound(id, year));

    /// <summary>One SQL statement for the nominees and their entries, so a page never mixes two states of the register.</summary>
    private static IQueryable<NomineeView> ToViews(RecognitionDbContext db, IQueryable<Nominee> nominees) =>
        nominees.AsNoTracking().Select(n => new NomineeView(
            n.Id, n.EntryId,
            db.NomineeEntries.Where(e => e.NomineeId == n.Id).OrderBy(e => e.ReceivedAt).ThenBy(e => e.EntryId).Select(e => e.EntryId).ToList(),
            n.UnitCode, n.FullName, n.Ward, n.Field, n.Status, n.AppraisalNote, n.AppraisedBy, n.AppraisedAt));
}
