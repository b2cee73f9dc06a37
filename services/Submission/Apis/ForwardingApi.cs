using System.Security.Claims;
using HoanKiem.Documents;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Documents;
using HoanKiem.Submission.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record ForwardEntriesRequest(string? Label, List<Guid>? EntryIds);
public sealed record ForwardingBatchSummary(Guid Id, string Label, DateTimeOffset CreatedAt, string CreatedBy, int Entries);
public sealed record ForwardedEntryView(Guid Id, string UnitCode, string Title, string NomineeFullName, string NomineeWard, string Status);
public sealed record ForwardingBatchView(Guid Id, string Label, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<ForwardedEntryView> Entries);

/// <summary>
/// The city round: the secretariat sends articles on to the city in batches (monthly, and the final list), and gets
/// each batch as one package to send, every article whole with its author's and nominee's details.
/// </summary>
public static class ForwardingApi
{
    public static IEndpointRouteBuilder MapForwardingApi(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/api/contests/{year:int}/forwarding-batches").WithTags("City round").WithContestYear()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithIdempotency<SubmissionDbContext>();
        batches.MapPost("/", ForwardEntries).WithSummary("Forward entries to the city in a batch")
            .WithDescription($"Names 1 to {ForwardingBatch.MaxEntries} accepted entries of the year and a label (e.g. \"Tháng 3/2019\"). 422 entries_not_forwardable for entries not found or withdrawn; 409 entry_already_forwarded when one went in an earlier batch.");
        batches.MapGet("/", ListForwardingBatches).WithSummary("List the year's forwarding batches");
        batches.MapGet("/{id:guid}", GetForwardingBatch).WithSummary("Read a forwarding batch");
        batches.MapGet("/{id:guid}/package.docx", DownloadCityPackage).WithSummary("Download a batch's package for the city")
            .WithDescription("One Word document in the layout of an administrative document: the cover list, then each article whole with its author's and nominee's details.");
        return app;
    }

    public static async Task<Results<Created<ForwardingBatchView>, ProblemHttpResult>> ForwardEntries(
        int year, ForwardEntriesRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var label = VietnameseText.Clean(request.Label) ?? "";
        if (label.Length is 0 or > ForwardingBatch.LabelLength)
        {
            return Problems.Validation("label", $"label has 1 to {ForwardingBatch.LabelLength} characters.");
        }
        var ids = (request.EntryIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > ForwardingBatch.MaxEntries)
        {
            return Problems.Validation("entryIds", $"entryIds names 1 to {ForwardingBatch.MaxEntries} entries.");
        }
        if (!await db.Contests.AnyAsync(c => c.Year == year, cancellationToken))
        {
            return Problems.NotFound("contest_not_found", Messages.ContestNotFound(year));
        }
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.Year == year && e.Status == EntryStatus.Accepted && ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        if (ids.Where(id => !entries.ContainsKey(id)).ToList() is { Count: > 0 } missing)
        {
            return Problems.Unprocessable("entries_not_forwardable", Messages.EntriesNotForwardable(missing, year), [new("entryIds", missing)]);
        }
        if (await AlreadyForwardedAsync(db, ids, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var batch = new ForwardingBatch
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Label = label,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Caller().ClientId,
            Entries = [.. ids.Select((id, i) => new ForwardedEntry { EntryId = id, Position = i + 1 })]
        };
        db.ForwardingBatches.Add(batch);
        db.Audit(Actor.Of(user), "entries.forwarded-to-city", "forwarding-batch", batch.Id.ToString(), new { label, entries = ids.Count }, year);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another batch took one of these entries meanwhile: the unique index kept it to one.
            db.DiscardPendingChanges();
            return await AlreadyForwardedAsync(db, ids, cancellationToken) ?? Problems.Conflict("concurrent_change", Messages.ConcurrentChange);
        }
        return TypedResults.Created($"/api/contests/{year}/forwarding-batches/{batch.Id}", View(batch, entries));
    }

    public static async Task<Ok<IReadOnlyList<ForwardingBatchSummary>>> ListForwardingBatches(int year, SubmissionDbContext db, CancellationToken cancellationToken)
    {
        var batches = await db.ForwardingBatches.AsNoTracking().Where(b => b.Year == year).OrderBy(b => b.CreatedAt)
            .Select(b => new ForwardingBatchSummary(b.Id, b.Label, b.CreatedAt, b.CreatedBy, b.Entries.Count)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ForwardingBatchSummary>>(batches);
    }

    public static async Task<Results<Ok<ForwardingBatchView>, ProblemHttpResult>> GetForwardingBatch(
        int year, Guid id, SubmissionDbContext db, CancellationToken cancellationToken)
    {
        if (await BatchWithEntriesAsync(db, year, id, cancellationToken) is not var (batch, entries))
        {
            return Problems.NotFound("forwarding_batch_not_found", Messages.ForwardingBatchNotFound(id, year));
        }
        return TypedResults.Ok(View(batch, entries));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadCityPackage(
        int year, Guid id, SubmissionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await BatchWithEntriesAsync(db, year, id, cancellationToken) is not var (batch, entries))
        {
            return Problems.NotFound("forwarding_batch_not_found", Messages.ForwardingBatchNotFound(id, year));
        }
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var contest = await db.Contests.AsNoTracking().SingleAsync(c => c.Year == year, cancellationToken);
        var ordered = batch.Entries.OrderBy(e => e.Position).Select(e => entries[e.EntryId]).ToList();
        var document = CityPackage.Write(batch, ordered, units, VietnamTime.Date(clock.GetUtcNow()), contest.Organiser);
        return TypedResults.File(DocxWriter.Write(document), DocxWriter.MediaType, $"goi-bai-thanh-pho-{year}-{batch.CreatedAt:yyyyMMdd}.docx");
    }

    private static async Task<ProblemHttpResult?> AlreadyForwardedAsync(SubmissionDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var earlier = await db.ForwardedEntries.AsNoTracking().Where(f => ids.Contains(f.EntryId))
            .Join(db.ForwardingBatches, f => f.BatchId, b => b.Id, (f, b) => new { f.EntryId, b.Label }).ToListAsync(cancellationToken);
        return earlier.Count == 0 ? null : Problems.Conflict("entry_already_forwarded",
            Messages.EntriesAlreadyForwarded(earlier.Select(e => e.Label).Distinct()), [new("entryIds", earlier.Select(e => e.EntryId).ToList())]);
    }

    private static async Task<(ForwardingBatch, Dictionary<Guid, Entry>)?> BatchWithEntriesAsync(
        SubmissionDbContext db, int year, Guid id, CancellationToken cancellationToken)
    {
        var batch = await db.ForwardingBatches.AsNoTracking().Include(b => b.Entries).SingleOrDefaultAsync(b => b.Year == year && b.Id == id, cancellationToken);
        if (batch is null)
        {
            return null;
        }
        var ids = batch.Entries.Select(e => e.EntryId).ToList();
        return (batch, await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken));
    }

    private static ForwardingBatchView View(ForwardingBatch batch, IReadOnlyDictionary<Guid, Entry> entries) =>
        new(batch.Id, batch.Label, batch.CreatedAt, batch.CreatedBy, [.. batch.Entries.OrderBy(e => e.Position).Select(f => entries[f.EntryId]).Select(e =>
            new ForwardedEntryView(e.Id, e.UnitCode, e.Title, e.NomineeFullName, e.NomineeWard, e.Status))]);
}
