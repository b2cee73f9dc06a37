using System.Security.Claims;
using System.Text.Json.Serialization;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Duplicates;
using HoanKiem.Submission.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record AuthorRequest(string? FullName, string? Position, string? Phone, string? Email);
public sealed record AddressRequest(string? Street, string? Ward);
public sealed record NomineeRequest(string? FullName, int? BirthYear, string? Position, string? Workplace, AddressRequest? Address);
public sealed record SubmitEntryRequest(string? Title, [property: MultiLineText] string? Body, string? Field, AuthorRequest? Author, NomineeRequest? Nominee, string? UnitCode);

/// <summary>The entry an article repeats; <c>unitCode</c> is left out for a unit that did not send it, so blind entries stay blind.</summary>
public sealed record DuplicateOf(Guid Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitCode, DateTimeOffset ReceivedAt);
/// <summary>
/// How the nominee's ward was read, when it was written by an old ward's name: <c>candidates</c> are the wards a split
/// ward went into, <c>toConfirm</c> whether the secretariat has yet to say which.
/// </summary>
public sealed record WardCheck(string Written, string Ward, bool ToConfirm, IReadOnlyList<string> Candidates, DateTimeOffset? ConfirmedAt, string? ConfirmedBy)
{
    public static WardCheck? Of(Entry e) => e.NomineeWardAsWritten is { } written
        ? new(written, e.NomineeWard, e.WardToConfirm, e.WardCandidates, e.WardConfirmedAt, e.WardConfirmedBy)
        : null;
}
public sealed record EntryReceipt(
    Guid Id, string UnitCode, string Status, int WordCount, DateTimeOffset ReceivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WardCheck? NomineeWard = null);
public sealed record EntryView(
    Guid Id, int Year, string UnitCode, string Title, string Body, string Field, int WordCount, string Status,
    DateTimeOffset ReceivedAt, DateTimeOffset? WithdrawnAt, AuthorRequest Author, NomineeRequest Nominee,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WardCheck? NomineeWard = null);
/// <summary><c>q</c> is text in the title or the nominee's name, matched without regard to case or diacritics; <c>month</c> is YYYY-MM on the contest's calendar.</summary>
public sealed record EntryListQuery(string? UnitCode, string? Status, string? Field, string? Month, string? Q);

public static class EntriesApi
{
    private sealed record ContestLookup(Contest Contest, string? UnitCode, bool UnitActive);

    /// <summary>
    /// The contest and the unit (its code as registered, whether it is active), in one round trip. Compiled, as it runs
    /// on every submission: EF Core otherwise walks the expression and looks up its translation on each call.
    /// </summary>
    private static readonly Func<SubmissionDbContext, int, string, CancellationToken, Task<ContestLookup?>> ContestAndUnit =
        EF.CompileAsyncQuery((SubmissionDbContext db, int year, string unitKey, CancellationToken _) =>
            db.Contests.AsNoTracking().Where(c => c.Year == year)
                .Select(c => new ContestLookup(c,
                    db.Units.Where(u => u.Code.ToLower() == unitKey).Select(u => u.Code).FirstOrDefault(),
                    db.Units.Any(u => u.Code.ToLower() == unitKey && u.DeactivatedAt == null)))
                .SingleOrDefault());

    public static IEndpointRouteBuilder MapEntriesApi(this IEndpointRouteBuilder app)
    {
        var entries = app.MapGroup("/api/contests/{year:int}/entries").WithTags("Entries").WithContestYear()
            .RequireAuthorization(TokenAuthentication.UnitOrSecretariatPolicy).WithBodyLimit().WithIdempotency<SubmissionDbContext>();
        entries.MapPost("/", SubmitEntry).WithSummary("Submit an entry")
            .WithDescription("A unit's portal sends an article for its own unit; the secretariat names the unit in unitCode. Refusals, each recorded for the year-end report: 422 word_count_out_of_range (with wordCount, minWords, maxWords), missing_author_info, missing_nominee_info, nominee_outside_district (the nominee's ward is not in the organiser's area; in a year after 1 July 2025 an old ward's name is matched to the ward it became, and one split between wards is accepted and flagged for the secretariat to confirm, see nomineeWard in the answer), invalid_field, contest_closed; 404 contest_not_found or unit_not_found; 409 duplicate_entry (with duplicateOf and similarity) when the article repeats or lightly edits one already received.")
            .WithExample(Examples.Entry);
        entries.MapGet("/{id:guid}", GetEntry).WithSummary("Read an entry")
            .WithDescription("The entry's own unit or the secretariat; anyone else gets 404 entry_not_found.");
        entries.MapGet("/", ListEntries).WithSummary("List entries")
            .WithDescription("A unit sees its own entries; the secretariat sees every unit's, or one unit's with unitCode. status narrows to accepted or withdrawn, field to one field, month (YYYY-MM, Asia/Ho_Chi_Minh) to the entries received in it, q to text in the title or the nominee's name, matched without regard to case or diacritics. Oldest first, paged.");
        entries.MapDelete("/{id:guid}", WithdrawEntry).WithSummary("Withdraw an entry")
            .WithDescription("Only the entry's own unit, before the contest closes (422 contest_closed after). The entry is kept as withdrawn and no longer counted; withdrawing again changes nothing.");
        return app;
    }

    public static async Task<Results<Created<EntryReceipt>, ProblemHttpResult>> SubmitEntry(
        int year, SubmitEntryRequest request, ClaimsPrincipal user, SubmissionDbContext db, DuplicateDetector detector,
        SubmissionMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var named = user.IsSecretariat() ? request.UnitCode?.Trim() : caller.UnitCode;
        if (string.IsNullOrEmpty(named))
        {
            return Problems.Validation("unitCode", "The secretariat names the unit it submits for in unitCode.");
        }
        if (!user.IsSecretariat() && request.UnitCode is { Length: > 0 } other && !UnitCodes.Same(other, named))
        {
            return Problems.Forbidden(Messages.SubmitsOnlyForItself);
        }
        var found = await ContestAndUnit(db, year, UnitCodes.Key(named), cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("contest_not_found", Messages.ContestNotFound(year));
        }
        if (found.UnitCode is not { } unitCode)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitNotFound(named));
        }
        if (!found.UnitActive)
        {
            return Problems.Forbidden(Messages.UnitInactive(unitCode), "unit_inactive");
        }
        var contest = found.Contest;

        var entry = EntryRules.Normalise(request, year, unitCode);
        if (EntryRules.ShapeErrors(entry) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }
        var checkedAt = Now(clock);
        if (EntryRules.Refusal(entry, contest, checkedAt) is { } refusal)
        {
            await RecordRefusalAsync(db, entry, refusal.Code, refusal.Detail, checkedAt, null, cancellationToken);
            metrics.Submitted(refusal.Code);
            return Problems.Unprocessable(refusal.Code, refusal.Detail, refusal.Extensions);
        }

        var fingerprint = Fingerprint.Of(entry.Body);
        await using var check = await DuplicateCheck.BeginAsync(db, detector, cancellationToken);
        var now = Now(clock);
        if (await detector.FindAsync(year, fingerprint, ids => ShinglesOfAsync(db, ids, cancellationToken)) is { } match)
        {
            var original = match.Original;
            await RecordRefusalAsync(db, entry, "duplicate_entry", Messages.DuplicateEntry(original.ReceivedAt, null), now, match, cancellationToken);
            await check.CommitAsync();
            metrics.Submitted("duplicate_entry");
            var originalUnit = user.IsSecretariat() || UnitCodes.Same(original.UnitCode, unitCode) ? original.UnitCode : null;
            return Problems.Conflict("duplicate_entry", Messages.DuplicateEntry(original.ReceivedAt, originalUnit),
                [
                    new("duplicateOf", new DuplicateOf(original.Id, originalUnit, original.ReceivedAt)),
                    new("similarity", Math.Round(match.Similarity, 3))
                ]);
        }

        entry.Id = Guid.CreateVersion7();
        entry.Sequence = check.NextSequence;
        entry.ReceivedAt = now;
        entry.Signature = MinHash.ToBytes(fingerprint.Signature);
        entry.SearchText = SearchTextOf(entry);
        db.Entries.Add(entry);
        if (user.IsSecretariat())
        {
            // A unit's own entries name their sender already; one the secretariat sends on a unit's behalf names its person here.
            db.Audit(Actor.Of(user), "entry.submitted-for-unit", "entry", entry.Id.ToString(), new { unitCode }, year);
        }
        // Each service gets what it uses: the text only to judging, of the nominee only their name and ward, the author to none.
        db.Publish(PersonalData.Accepted(entry), PersonalData.SubjectOf(entry));
        db.Publish(PersonalData.Text(entry), PersonalData.SubjectOf(entry));
        await db.SaveChangesAsync(CancellationToken.None);
        await check.CommitAsync(entry, fingerprint.Signature);
        metrics.Submitted(EntryStatus.Accepted);
        return TypedResults.Created($"/api/contests/{year}/entries/{entry.Id}",
            new EntryReceipt(entry.Id, unitCode, entry.Status, entry.WordCount, entry.ReceivedAt, WardCheck.Of(entry)));
    }

    public static async Task<Results<Ok<EntryView>, ProblemHttpResult>> GetEntry(int year, Guid id, ClaimsPrincipal user, SubmissionDbContext db)
    {
        var entry = await db.Entries.AsNoTracking().SingleOrDefaultAsync(e => e.Year == year && e.Id == id);
        if (entry is null || !CanSee(user, entry))
        {
            return Problems.NotFound("entry_not_found", Messages.EntryNotFound);
        }
        return TypedResults.Ok(ToView(entry));
    }

    public static async Task<Results<Ok<Page<EntryView>>, ProblemHttpResult>> ListEntries(
        int year, [AsParameters] EntryListQuery query, [AsParameters] PageRequest paging, ClaimsPrincipal user, SubmissionDbContext db)
    {
        var unitCode = query.UnitCode?.Trim();
        if (!user.IsSecretariat())
        {
            if (unitCode is { Length: > 0 } && !UnitCodes.Same(unitCode, user.Caller().UnitCode))
            {
                return Problems.Forbidden(Messages.SeesOnlyItself);
            }
            unitCode = user.Caller().UnitCode;
        }
        if (unitCode is { Length: > 0 })
        {
            unitCode = (await db.UnitAsync(unitCode))?.Code ?? unitCode;
        }
        var errors = new Dictionary<string, string[]>();
        if (query.Status is { Length: > 0 } status && status is not (EntryStatus.Accepted or EntryStatus.Withdrawn))
        {
            errors["status"] = ["status is accepted or withdrawn."];
        }
        var field = query.Field?.Trim().ToLowerInvariant();
        if (field is { Length: > 0 } && !Fields.Codes.Contains(field))
        {
            errors["field"] = [$"field is one of {string.Join(", ", Fields.Codes)}."];
        }
        var month = MonthOf(query.Month);
        if (query.Month is { Length: > 0 } && month is null)
        {
            errors["month"] = ["month is YYYY-MM, e.g. 2026-03."];
        }
        var text = query.Q is { } q ? VietnameseText.Fold(q).Trim() : "";
        if (text.Length > 200)
        {
            errors["q"] = ["q has at most 200 characters."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var entries = db.Entries.AsNoTracking().Where(e => e.Year == year);
        if (field is { Length: > 0 })
        {
            entries = entries.Where(e => e.Field == field);
        }
        if (month is { } range)
        {
            entries = entries.Where(e => e.ReceivedAt >= range.From && e.ReceivedAt < range.Until);
        }
        if (text.Length > 0)
        {
            entries = entries.Where(e => e.SearchText.Contains(text));
        }
        if (unitCode is { Length: > 0 })
        {
            entries = entries.Where(e => e.UnitCode == unitCode);
        }
        if (query.Status is { Length: > 0 })
        {
            entries = entries.Where(e => e.Status == query.Status);
        }
        var total = await entries.CountAsync();
        var page = await entries.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<EntryView>(page.Select(ToView).ToList(), total));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawEntry(
        int year, Guid id, ClaimsPrincipal user, SubmissionDbContext db, DuplicateDetector detector, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Under the detector's lock: no check of this replica runs between the status change and the index forgetting
        // the entry; other replicas skip it when they compare, as only accepted entries' bodies are read.
        using var gate = await detector.LockAsync(cancellationToken);
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Year == year && e.Id == id, cancellationToken);
        if (entry is null || !CanSee(user, entry))
        {
            return Problems.NotFound("entry_not_found", Messages.EntryNotFound);
        }
        if (!UnitCodes.Same(entry.UnitCode, user.Caller().UnitCode))
        {
            return Problems.Forbidden(Messages.OnlyOwnUnitWithdraws);
        }
        var contest = await db.Contests.AsNoTracking().SingleAsync(c => c.Year == year, cancellationToken);
        var now = Now(clock);
        if (now >= contest.ClosesAt)
        {
            return Problems.Unprocessable("contest_closed", Messages.ClosedForWithdrawal);
        }
        if (entry.Status == EntryStatus.Withdrawn)
        {
            return TypedResults.NoContent();
        }
        entry.Status = EntryStatus.Withdrawn;
        entry.WithdrawnAt = now;
        db.Audit(Actor.Of(user), "entry.withdrawn", "entry", entry.Id.ToString(), new { entry.UnitCode }, year);
        db.Publish(new EntryWithdrawn(entry.Id, year, entry.UnitCode, now));
        await db.SaveChangesAsync(cancellationToken);
        detector.Remove(entry.Id);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The instants a month (YYYY-MM) starts and ends on the contest's calendar; any month, as a year's window may begin
    /// in the one before.
    /// </summary>
    private static (DateTimeOffset From, DateTimeOffset Until)? MonthOf(string? month) =>
        month is { Length: 7 } && DateTime.TryParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var first)
            ? (new DateTimeOffset(first, VietnamTime.Offset), new DateTimeOffset(first.AddMonths(1), VietnamTime.Offset))
            : null;

    private static string SearchTextOf(Entry entry)
    {
        var folded = VietnameseText.Fold($"{entry.Title} {entry.NomineeFullName}");
        return folded.Length > 800 ? folded[..800] : folded;
    }

    /// <summary>Stored as Unix milliseconds, so answers give the same instant before and after a round trip.</summary>
    private static DateTimeOffset Now(TimeProvider clock) =>
        DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>The year-end report counts refused attempts and names their units, so each is stored and published.</summary>
    private static async Task RecordRefusalAsync(SubmissionDbContext db, Entry entry, string code, Message explanation, DateTimeOffset now,
        DuplicateMatch? duplicate, CancellationToken cancellationToken)
    {
        var (year, unitCode) = (entry.Year, entry.UnitCode);
        var attempt = new RefusedAttempt
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            UnitCode = unitCode,
            Code = code,
            AttemptedAt = now,
            Title = entry.Title,
            Body = entry.Body,
            Explanation = explanation.Vi,
            DuplicateOfEntryId = duplicate?.Original.Id,
            DuplicateOfUnitCode = duplicate?.Original.UnitCode,
            Similarity = duplicate is null ? null : Math.Round(duplicate.Similarity, 3)
        };
        db.RefusedAttempts.Add(attempt);
        db.Publish(new EntryRefused(attempt.Id, year, unitCode, code, now, attempt.DuplicateOfEntryId, attempt.DuplicateOfUnitCode, attempt.Similarity));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<Guid, uint[]>> ShinglesOfAsync(SubmissionDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var bodies = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Status == EntryStatus.Accepted)
            .Select(e => new { e.Id, e.Body }).ToListAsync(cancellationToken);
        return bodies.ToDictionary(e => e.Id, e => Shingles.Of(e.Body));
    }

    private static bool CanSee(ClaimsPrincipal user, Entry entry) =>
        user.IsSecretariat() || UnitCodes.Same(entry.UnitCode, user.Caller().UnitCode);

    internal static EntryView ToView(Entry e) => new(
        e.Id, e.Year, e.UnitCode, e.Title, e.Body, e.Field, e.WordCount, e.Status, e.ReceivedAt, e.WithdrawnAt,
        new AuthorRequest(e.AuthorFullName, e.AuthorPosition, e.AuthorPhone, e.AuthorEmail),
        new NomineeRequest(e.NomineeFullName, e.NomineeBirthYear, e.NomineePosition, e.NomineeWorkplace, new AddressRequest(e.NomineeStreet, e.NomineeWard)),
        WardCheck.Of(e));
}
