using System.Security.Claims;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record WardConfirmationRequest(string? Ward);

/// <summary>An entry whose nominee's ward was written by an old ward's name that was split between wards.</summary>
public sealed record WardToConfirmView(Guid EntryId, string UnitCode, string Title, string NomineeFullName, DateTimeOffset ReceivedAt, WardCheck NomineeWard);

/// <summary><c>status</c> is <c>pending</c> (the default) or <c>confirmed</c>.</summary>
public sealed record WardConfirmationQuery(string? Status);

/// <summary>
/// The secretariat's confirmations of nominees' wards written by the name of a ward that the 2025 reorganisation split:
/// the entry was accepted at the door, and the secretariat says which of the successor wards the person lives in.
/// </summary>
public static class WardConfirmationsApi
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";

    public static IEndpointRouteBuilder MapWardConfirmationsApi(this IEndpointRouteBuilder app)
    {
        var year = app.MapGroup("/api/contests/{year:int}").WithTags("Ward confirmations").WithContestYear()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithBodyLimit().WithIdempotency<SubmissionDbContext>();
        year.MapGet("/ward-confirmations", ListWardConfirmations).WithSummary("List entries whose nominee's ward is to confirm")
            .WithDescription("Accepted entries whose nominee's ward was written by the name of a ward split in the 2025 reorganisation, with the wards it went into; status pending (default) or confirmed. Oldest first, paged.");
        year.MapPost("/entries/{id:guid}/ward-confirmation", ConfirmWard).WithSummary("Confirm an entry's nominee ward")
            .WithDescription("Names which of the candidate wards the nominee lives in; the entry's ward becomes it, recognition's copy follows, and the confirmation is audited. Confirming again may change it. 422 ward_not_a_candidate, ward_not_to_confirm; 409 personal_data_erased; 404 entry_not_found.");
        return app;
    }

    public static async Task<Results<Ok<Page<WardToConfirmView>>, ProblemHttpResult>> ListWardConfirmations(
        int year, [AsParameters] WardConfirmationQuery query, [AsParameters] PageRequest paging, SubmissionDbContext db, CancellationToken cancellationToken)
    {
        var status = query.Status?.Trim().ToLowerInvariant() is { Length: > 0 } given ? given : Pending;
        if (status is not (Pending or Confirmed))
        {
            return Problems.Validation("status", "status is pending or confirmed.");
        }
        var entries = db.Entries.AsNoTracking().Where(e => e.Year == year && e.Status == EntryStatus.Accepted);
        entries = status == Pending
            ? entries.Where(e => e.WardToConfirm)
            : entries.Where(e => !e.WardToConfirm && e.WardConfirmedAt != null);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<WardToConfirmView>(
            [.. page.Select(e => new WardToConfirmView(e.Id, e.UnitCode, e.Title, e.NomineeFullName, e.ReceivedAt, WardCheck.Of(e)!))], total));
    }

    public static async Task<Results<Ok<WardCheck>, ProblemHttpResult>> ConfirmWard(
        int year, Guid id, WardConfirmationRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var ward = VietnameseText.Clean(request.Ward) ?? "";
        if (ward.Length is 0 or > 100)
        {
            return Problems.Validation("ward", "ward names one of the candidate wards (1 to 100 characters).");
        }
        await using var work = await db.BeginWriteAsync(cancellationToken);
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Year == year && e.Id == id, cancellationToken);
        if (entry is null)
        {
            return Problems.NotFound("entry_not_found", Messages.EntryNotFound);
        }
        if (entry.NomineeWard == PersonalData.Erased)
        {
            return Problems.Conflict("personal_data_erased", Messages.PersonalDataErased);
        }
        if (entry.WardCandidates.Count == 0)
        {
            return Problems.Unprocessable("ward_not_to_confirm", Messages.WardNotToConfirm);
        }
        var key = VietnameseText.WardKey(ward);
        var chosen = AdministrativeUnits.All.FirstOrDefault(u =>
            u.ValidUntil is null && entry.WardCandidates.Contains(u.FullName) && VietnameseText.WardKey(u.Name) == key);
        if (chosen is null)
        {
            return Problems.Unprocessable("ward_not_a_candidate", Messages.WardNotACandidate(ward, entry.WardCandidates));
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var by = user.Caller().ClientId;
        db.Audit(Actor.Of(user), "nominee-ward.confirmed", "entry", entry.Id.ToString(),
            new { written = entry.NomineeWardAsWritten, from = entry.WardToConfirm ? null : entry.NomineeWard, to = chosen.Name }, year);
        var changed = entry.NomineeWard != chosen.Name;
        (entry.NomineeWard, entry.WardToConfirm, entry.WardConfirmedAt, entry.WardConfirmedBy) = (chosen.Name, false, now, by);
        if (changed)
        {
            db.Publish(new NomineeCorrected(entry.Id, year, entry.NomineeFullName, entry.NomineeWard, by, now), PersonalData.SubjectOf(entry));
        }
        await db.SaveChangesAsync(cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(WardCheck.Of(entry)!);
    }
}
