using System.Security.Claims;
using System.Security.Cryptography;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record AddJudgeRequest(string? FullName, string? UnitCode);
public sealed record JudgeCredentials(Guid Id, string FullName, string? UnitCode, string ClientId, [property: ShownOnce] string ClientSecret);
public sealed record JudgeSummary(Guid Id, string FullName, string? UnitCode, string ClientId, DateTimeOffset? RemovedAt);
public sealed record JudgeRemovalRequest(bool? KeepScores, string? Reason);
public sealed record JudgeReplacementRequest(string? FullName, string? UnitCode, bool? KeepScores, string? Reason);
public sealed record JudgeRemoval(Guid JudgeId, bool KeptScores, int ScoresKept, int ScoresDropped, Reassignment Work);
public sealed record JudgeReplacement(JudgeCredentials Replacement, JudgeRemoval Removal);
public sealed record ConflictRequest(string? UnitCode, Guid? EntryId, string? Reason);
public sealed record ConflictView(Guid Id, Guid JudgeId, string? UnitCode, Guid? EntryId, string Reason, string DeclaredBy, DateTimeOffset RecordedAt);
public sealed record RecordedConflict(ConflictView Conflict, Reassignment Work);

public static class JudgesApi
{
    public static IEndpointRouteBuilder MapJudgesApi(this IEndpointRouteBuilder app)
    {
        var judges = app.MapGroup("/api/judging/{year:int}/judges").WithTags("Judges").WithContestYear().WithIdempotency<JudgingDbContext>()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        judges.MapPost("/", AddJudge).WithSummary("Add a judge")
            .WithDescription("Adds a panel member for the year (optionally from a unit, whose entries they never judge) and returns their client credentials; the secret is shown in this answer only.")
            .WithSecretInAnswer();
        judges.MapGet("/", ListJudges).WithSummary("List judges")
            .WithDescription("The year's panel, paged; a judge taken off it is listed with removedAt.");
        judges.MapPost("/{id:guid}/removal", RemoveJudge).WithSummary("Remove a judge")
            .WithDescription("Takes the judge off the panel: their credential stops working and their unscored entries go to the other judges under the same rules (never the entry's unit or a recorded conflict, loads as even as possible). keepScores (required) keeps the scores they gave or drops them, and their entries are then reassigned too. reason is recorded. 409 judging_finalized, judge_removed.");
        judges.MapPost("/{id:guid}/replacement", ReplaceJudge).WithSummary("Replace a judge")
            .WithDescription("Adds a new judge ({fullName, unitCode?}, credentials shown in this answer only) and removes the old one as the removal does, the new judge taking the work first. 404 unit_not_found for a unit judging does not know; 409 judging_finalized, judge_removed.")
            .WithSecretInAnswer();
        judges.MapPost("/{id:guid}/conflicts", RecordConflict).WithSummary("Record a judge's conflict")
            .WithDescription("The judge must not score entries of unitCode, or the entry entryId (one of the two), from now on; assignments of theirs that break it and are unscored go to other judges. reason is required. 404 unit_not_found, entry_not_found; 409 judging_finalized.");
        judges.MapGet("/{id:guid}/conflicts", ListConflicts).WithSummary("List a judge's conflicts")
            .WithDescription("Conflicts declared by the judge or recorded by the secretariat, oldest first.");
        // The judge replaces their own credential too, so these routes are open to any role and checked inside.
        var credential = app.MapGroup("/api/judging/{year:int}/judges/{id:guid}/credential").WithTags("Judges").WithContestYear()
            .WithIdempotency<JudgingDbContext>().RequireAuthorization();
        credential.MapPost("/", ReplaceJudgeCredential).WithSummary("Replace or reset a judge's credential")
            .WithDescription("The judge replaces their own secret: a generated one (shown in this answer only) or, with passphrase, one of their own of at least 12 characters. The secretariat resets it to a generated secret. The old secret stops working at once. 403 for another judge's.")
            .WithSecretInAnswer();
        credential.MapDelete("/", DisableJudgeCredential).WithSummary("Disable a judge's credential")
            .WithDescription("The judge's secret gets no more tokens; tokens already issued end within their 15 minutes. A reset enables it again with a new secret.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    public static async Task<Results<Created<JudgeCredentials>, ProblemHttpResult>> AddJudge(
        int year, AddJudgeRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        var fullName = VietnameseText.Clean(request.FullName) ?? "";
        var unitCode = request.UnitCode?.Trim() is { Length: > 0 } code ? code : null;
        var errors = new Dictionary<string, string[]>();
        if (fullName.Length is 0 or > 200)
        {
            errors["fullName"] = ["A judge's full name has 1 to 200 characters."];
        }
        if (unitCode is not null && !UnitCodes.IsValid(unitCode))
        {
            errors["unitCode"] = ["A unit code is 2 to 40 letters, digits or dashes, e.g. phuong-hang-gai."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        string? registered = null;
        if (unitCode is not null && (registered = await RegisteredUnitAsync(db, unitCode)) is null)
        {
            return UnitNotFound(unitCode);
        }

        var (judge, secret) = NewJudge(year, fullName, registered, clock.GetUtcNow());
        db.Judges.Add(judge);
        db.Audit(Actor.Of(user), "judge.added", "judge", judge.Id.ToString(), new { fullName, unitCode = registered }, year);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/judging/{year}/judges/{judge.Id}",
            new JudgeCredentials(judge.Id, judge.FullName, judge.UnitCode, judge.ClientId, secret));
    }

    /// <summary>
    /// Takes a judge off the panel. Their credential stops working at once; their unscored work, and their scored work
    /// too when the secretariat drops the scores, goes to the other judges (see <see cref="PanelWork.ReassignAsync"/>).
    /// </summary>
    public static async Task<Results<Ok<JudgeRemoval>, ProblemHttpResult>> RemoveJudge(
        int year, Guid id, JudgeRemovalRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        if (RemovalErrors(request.KeepScores, request.Reason) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }
        await using var work = await db.BeginWriteAsync();
        var (removal, refusal) = await RemoveAsync(year, id, request.KeepScores!.Value, Reason(request.Reason), null, user, db, clock.GetUtcNow());
        if (refusal is not null)
        {
            return refusal;
        }
        await work.CommitAsync();
        return TypedResults.Ok(removal!);
    }

    /// <summary>A new judge takes a judge's place: added first, so the removed judge's work can go to them.</summary>
    public static async Task<Results<Created<JudgeReplacement>, ProblemHttpResult>> ReplaceJudge(
        int year, Guid id, JudgeReplacementRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        var fullName = VietnameseText.Clean(request.FullName) ?? "";
        var unitCode = request.UnitCode?.Trim() is { Length: > 0 } code ? code : null;
        var errors = RemovalErrors(request.KeepScores, request.Reason);
        if (fullName.Length is 0 or > 200)
        {
            errors["fullName"] = ["A judge's full name has 1 to 200 characters."];
        }
        if (unitCode is not null && !UnitCodes.IsValid(unitCode))
        {
            errors["unitCode"] = ["A unit code is 2 to 40 letters, digits or dashes, e.g. phuong-hang-gai."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        string? registered = null;
        if (unitCode is not null && (registered = await RegisteredUnitAsync(db, unitCode)) is null)
        {
            return UnitNotFound(unitCode);
        }

        var now = clock.GetUtcNow();
        await using var work = await db.BeginWriteAsync();
        var (replacement, secret) = NewJudge(year, fullName, registered, now);
        db.Judges.Add(replacement);
        db.Audit(Actor.Of(user), "judge.added", "judge", replacement.Id.ToString(), new { fullName, unitCode = registered, replaces = id }, year);
        var (removal, refusal) = await RemoveAsync(year, id, request.KeepScores!.Value, Reason(request.Reason), replacement.Id, user, db, now);
        if (refusal is not null)
        {
            return refusal;
        }
        await work.CommitAsync();
        return TypedResults.Created($"/api/judging/{year}/judges/{replacement.Id}", new JudgeReplacement(
            new JudgeCredentials(replacement.Id, replacement.FullName, replacement.UnitCode, replacement.ClientId, secret), removal!));
    }

    /// <summary>
    /// A conflict the secretariat learned of: the judge must not score a unit's entries, or one entry, from now on. Their
    /// unscored assignments that break it go to other judges; a scored one stays, as the secretariat may drop it by removing the judge.
    /// </summary>
    public static async Task<Results<Created<RecordedConflict>, ProblemHttpResult>> RecordConflict(
        int year, Guid id, ConflictRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        var unitCode = request.UnitCode?.Trim() is { Length: > 0 } code ? code : null;
        var errors = new Dictionary<string, string[]>();
        if ((unitCode is null) == (request.EntryId is null))
        {
            errors["unitCode"] = ["Name either a unit (unitCode) or an entry (entryId), not both."];
        }
        else if (unitCode is not null && !UnitCodes.IsValid(unitCode))
        {
            errors["unitCode"] = ["A unit code is 2 to 40 letters, digits or dashes, e.g. phuong-hang-gai."];
        }
        if (ReasonError(request.Reason) is { } reasonError)
        {
            errors["reason"] = [reasonError];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        string? registered = null;
        if (unitCode is not null && (registered = await RegisteredUnitAsync(db, unitCode)) is null)
        {
            return UnitNotFound(unitCode);
        }
        if (request.EntryId is { } entryId && !await db.Entries.AnyAsync(e => e.Id == entryId && e.Year == year))
        {
            return Problems.NotFound("entry_not_found", Messages.JudgingEntryNotFound(entryId, year));
        }

        await using var work = await db.BeginWriteAsync();
        var panel = await db.YearAsync(year);
        if (panel.IsFinalized)
        {
            return SettingsApi.Finalized(year);
        }
        if (await db.Judges.SingleOrDefaultAsync(j => j.Year == year && j.Id == id) is not { } judge)
        {
            return JudgeNotFound(year, id);
        }
        var conflict = db.Conflicts.Add(new JudgeConflict
        {
            Id = Guid.CreateVersion7(), Year = year, JudgeId = id, UnitCode = registered, EntryId = request.EntryId,
            Reason = Reason(request.Reason)!, DeclaredBy = JudgeConflicts.BySecretariat, RecordedAt = clock.GetUtcNow()
        }).Entity;
        var breaking = await (from a in db.Assignments
                              join e in db.Entries on a.EntryId equals e.Id
                              where a.Year == year && a.JudgeId == id && a.ScoredAt == null
                              select new { a, e.UnitCode }).ToListAsync();
        var leaving = breaking.Where(x => x.a.EntryId == request.EntryId || (registered is not null && UnitCodes.Same(x.UnitCode, registered)))
            .Select(x => x.a).ToList();
        var reassignment = await db.ReassignAsync(panel, leaving, conflict.RecordedAt);
        db.Audit(Actor.Of(user), "judge.conflict-recorded", "judge", id.ToString(),
            new { judge.FullName, unitCode = registered, entryId = request.EntryId, conflict.Reason, reassigned = reassignment.Reassigned, entriesShort = reassignment.EntriesShort.Count }, year);
        await db.SaveChangesAsync();
        await work.CommitAsync();
        return TypedResults.Created($"/api/judging/{year}/judges/{id}/conflicts", new RecordedConflict(ToView(conflict), reassignment));
    }

    public static async Task<Results<Ok<List<ConflictView>>, ProblemHttpResult>> ListConflicts(int year, Guid id, JudgingDbContext db)
    {
        if (!await db.Judges.AnyAsync(j => j.Year == year && j.Id == id))
        {
            return JudgeNotFound(year, id);
        }
        var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.Year == year && c.JudgeId == id).ToListAsync();
        return TypedResults.Ok(conflicts.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Select(ToView).ToList());
    }

    public static ConflictView ToView(JudgeConflict c) => new(c.Id, c.JudgeId, c.UnitCode, c.EntryId, c.Reason, c.DeclaredBy, c.RecordedAt);

    /// <summary>Why a reason cannot be recorded, or null; a conflict always says why.</summary>
    public static string? ReasonError(string? reason) => VietnameseText.Clean(reason)?.Length switch
    {
        null or 0 => "Say why in 1 to 500 characters.",
        > JudgeConflicts.MaxReasonLength => $"A reason has at most {JudgeConflicts.MaxReasonLength} characters.",
        _ => null
    };

    private static string? Reason(string? reason) => VietnameseText.Clean(reason) is { Length: > 0 } text ? text : null;

    private static Dictionary<string, string[]> RemovalErrors(bool? keepScores, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (keepScores is null)
        {
            errors["keepScores"] = ["Say whether the scores the judge gave stay (true) or go (false)."];
        }
        if (reason is not null && VietnameseText.Clean(reason)?.Length > JudgeConflicts.MaxReasonLength)
        {
            errors["reason"] = [$"A reason has at most {JudgeConflicts.MaxReasonLength} characters."];
        }
        return errors;
    }

    /// <summary>The removal inside the caller's unit of work: the caller commits, or rolls back on a refusal.</summary>
    private static async Task<(JudgeRemoval? Removal, ProblemHttpResult? Refusal)> RemoveAsync(int year, Guid id, bool keepScores, string? reason,
        Guid? replacedBy, ClaimsPrincipal user, JudgingDbContext db, DateTimeOffset now)
    {
        var panel = await db.YearAsync(year);
        if (panel.IsFinalized)
        {
            return (null, SettingsApi.Finalized(year));
        }
        if (await db.Judges.SingleOrDefaultAsync(j => j.Year == year && j.Id == id) is not { } judge)
        {
            return (null, JudgeNotFound(year, id));
        }
        if (!judge.OnPanel)
        {
            return (null, Problems.Conflict("judge_removed", Messages.JudgeRemoved(judge.FullName)));
        }
        judge.RemovedAt = now;
        judge.Credential.Disable(now);
        var theirs = await db.Assignments.Where(a => a.Year == year && a.JudgeId == id).ToListAsync();
        var leaving = theirs.Where(a => !keepScores || !a.IsScored).ToList();
        var scored = theirs.Count(a => a.IsScored);
        var reassignment = await db.ReassignAsync(panel, leaving, now, replacedBy);
        var removal = new JudgeRemoval(id, keepScores, keepScores ? scored : 0, keepScores ? 0 : scored, reassignment);
        db.Audit(Actor.Of(user), "judge.removed", "judge", id.ToString(), new
        {
            judge.FullName, reason, replacedBy, keepScores, scoresKept = removal.ScoresKept, scoresDropped = removal.ScoresDropped,
            reassigned = reassignment.Reassigned, evenedOut = reassignment.EvenedOut, entriesShort = reassignment.EntriesShort.Count
        }, year);
        await db.SaveChangesAsync();
        return (removal, null);
    }

    private static (Judge Judge, string Secret) NewJudge(int year, string fullName, string? unitCode, DateTimeOffset now)
    {
        var (credential, secret) = Credential.Issue(now);
        return (new Judge
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            FullName = fullName,
            UnitCode = unitCode,
            // Random rather than derived from the id, whose leading digits are a timestamp.
            ClientId = $"judge-{year}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            Credential = credential,
            CreatedAt = now
        }, secret);
    }

    /// <summary>The unit as the submission service registered it (spelling included), or null when judging never heard of it.</summary>
    private static async Task<string?> RegisteredUnitAsync(JudgingDbContext db, string unitCode)
    {
        var key = UnitCodes.Key(unitCode);
        return await db.Units.Where(u => u.Code.ToLower() == key).Select(u => u.Code).FirstOrDefaultAsync();
    }

    private static ProblemHttpResult UnitNotFound(string unitCode) => Problems.NotFound("unit_not_found", Messages.UnitNotFound(unitCode));

    public static async Task<Ok<Page<JudgeSummary>>> ListJudges(
        int year, [AsParameters] PageRequest paging, JudgingDbContext db)
    {
        var judges = db.Judges.AsNoTracking().Where(j => j.Year == year);
        var total = await judges.CountAsync();
        var items = await judges.OrderBy(j => j.FullName).ThenBy(j => j.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(j => new JudgeSummary(j.Id, j.FullName, j.UnitCode, j.ClientId, j.RemovedAt)).ToListAsync();
        return TypedResults.Ok(new Page<JudgeSummary>(items, total));
    }

    /// <summary>The judge replaces their own secret (or chooses a passphrase); the secretariat resets it. No judge touches another's.</summary>
    public static async Task<Results<Ok<NewCredential>, ProblemHttpResult>> ReplaceJudgeCredential(
        int year, Guid id, CredentialRequest? request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        var byOwner = !user.IsSecretariat();
        if (byOwner && user.Caller().JudgeId != id.ToString())
        {
            return Problems.Forbidden(Messages.NotOwnCredential);
        }
        if (await db.Judges.SingleOrDefaultAsync(j => j.Year == year && j.Id == id) is not { } judge)
        {
            return JudgeNotFound(year, id);
        }
        return await CredentialChanges.ReplaceAsync(db, user, judge.Credential, judge.ClientId, "judge", judge.Id.ToString(), request, byOwner, clock.GetUtcNow(), year);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisableJudgeCredential(
        int year, Guid id, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        if (await db.Judges.SingleOrDefaultAsync(j => j.Year == year && j.Id == id) is not { } judge)
        {
            return JudgeNotFound(year, id);
        }
        return await CredentialChanges.DisableAsync(db, user, judge.Credential, judge.ClientId, "judge", judge.Id.ToString(), clock.GetUtcNow(), year);
    }

    private static ProblemHttpResult JudgeNotFound(int year, Guid id) => Problems.NotFound("judge_not_found", Messages.JudgeNotFound(id, year));
}
