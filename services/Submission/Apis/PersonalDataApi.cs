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

/// <summary>A correction of an entry's people: a member given replaces what is stored, a member left out keeps it.</summary>
public sealed record CorrectPersonalDataRequest(AuthorRequest? Author, NomineeRequest? Nominee);

public sealed record ErasureRequest(string? Person);
public sealed record ErasureReceipt(Guid EntryId, string Person, string ErasedBy, DateTimeOffset ErasedAt);

/// <summary>
/// The secretariat's answers to a person's requests about their data (Law 91/2025 on personal data protection):
/// correcting it, and erasing it from the entry and from every service that keeps a copy.
/// </summary>
public static class PersonalDataApi
{
    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var entry = app.MapGroup("/api/contests/{year:int}/entries/{id:guid}").WithTags("Personal data")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithIdempotency<SubmissionDbContext>();
        entry.MapPatch("/", CorrectPersonalData).WithSummary("Correct an entry's author or nominee");
        entry.MapPost("/erasure", ErasePersonalData).WithSummary("Erase an entry's author or nominee");
        return app;
    }

    public static async Task<Results<Ok<EntryView>, ProblemHttpResult>> CorrectPersonalData(
        int year, Guid id, CorrectPersonalDataRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var work = await db.BeginWriteAsync(cancellationToken);
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Year == year && e.Id == id, cancellationToken);
        if (entry is null)
        {
            return Problems.NotFound("entry_not_found", Messages.EntryNotFound);
        }
        var erased = await db.Erasures.Where(e => e.EntryId == id).Select(e => e.Person).ToListAsync(cancellationToken);
        if ((request.Author is not null && erased.Contains(PersonRole.Author)) || (request.Nominee is not null && erased.Contains(PersonRole.Nominee)))
        {
            return Problems.Conflict("personal_data_erased", Messages.PersonalDataErased);
        }

        var (authorName, nomineeName, nomineeWard, text) = (entry.AuthorFullName, entry.NomineeFullName, entry.NomineeWard, (entry.Title, entry.Body));
        Correct(entry, request);
        if (EntryRules.ShapeErrors(entry) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }
        var contest = await db.Contests.AsNoTracking().SingleAsync(c => c.Year == year, cancellationToken);
        if (EntryRules.PeopleRefusal(entry, contest, nomineeWard) is { } refusal)
        {
            return Problems.Unprocessable(refusal.Code, refusal.Detail, refusal.Extensions);
        }
        // The trail says whose data changed, not to what: the values are the person's own.
        db.Audit(Actor.Of(user), "personal-data.corrected", "entry", entry.Id.ToString(),
            new { people = new[] { request.Author is null ? null : PersonRole.Author, request.Nominee is null ? null : PersonRole.Nominee }.OfType<string>() }, year);
        PersonalData.Rename(entry, authorName, entry.AuthorFullName);
        PersonalData.Rename(entry, nomineeName, entry.NomineeFullName);
        await RewriteStoredEventsAsync(db, entry, cancellationToken);
        var correctedAt = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (entry.NomineeFullName != nomineeName || entry.NomineeWard != nomineeWard)
        {
            db.Publish(new NomineeCorrected(entry.Id, year, entry.NomineeFullName, entry.NomineeWard, user.Caller().ClientId, correctedAt), PersonalData.SubjectOf(entry));
        }
        if ((entry.Title, entry.Body) != text)
        {
            db.Publish(new EntryTextRedacted(entry.Id, year, entry.Title, entry.Body, correctedAt), PersonalData.SubjectOf(entry));
        }
        db.ForgetOverwrittenPages();
        await db.SaveChangesAsync(cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(EntriesApi.ToView(entry));
    }

    public static async Task<Results<Ok<ErasureReceipt>, ProblemHttpResult>> ErasePersonalData(
        int year, Guid id, ErasureRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var person = request.Person?.Trim().ToLowerInvariant();
        if (person is null || !PersonalData.People.Contains(person))
        {
            return Problems.Validation("person", "person is author or nominee.");
        }
        await using var work = await db.BeginWriteAsync(cancellationToken);
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Year == year && e.Id == id, cancellationToken);
        if (entry is null)
        {
            return Problems.NotFound("entry_not_found", Messages.EntryNotFound);
        }
        if (await db.Erasures.FindAsync([id, person], cancellationToken) is { } done)
        {
            return TypedResults.Ok(Receipt(done));
        }

        var text = (entry.Title, entry.Body);
        PersonalData.Erase(entry, person);
        var erasure = db.Erasures.Add(new Erasure
        {
            EntryId = id,
            Person = person,
            ErasedBy = user.Caller().ClientId,
            ErasedAt = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds())
        }).Entity;

        await RewriteStoredEventsAsync(db, entry, cancellationToken);
        db.Audit(Actor.Of(user), "personal-data.erased", "entry", id.ToString(), new { person }, year);
        db.Publish(new PersonalDataErased(id, year, person, entry.Title, erasure.ErasedBy, erasure.ErasedAt));
        if ((entry.Title, entry.Body) != text)
        {
            db.Publish(new EntryTextRedacted(id, year, entry.Title, entry.Body, erasure.ErasedAt), PersonalData.SubjectOf(entry));
        }
        db.ForgetOverwrittenPages();
        await db.SaveChangesAsync(cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(Receipt(erasure));
    }

    /// <summary>
    /// The events already stored about the entry carry its people as they were: sent ones are kept a week, unsent ones
    /// are yet to go. Each is rewritten from the entry as it is now, so the outbox neither keeps nor sends the old values.
    /// </summary>
    private static async Task RewriteStoredEventsAsync(SubmissionDbContext db, Entry entry, CancellationToken cancellationToken)
    {
        var subject = PersonalData.SubjectOf(entry);
        await db.RewriteStoredEventsAsync<EntryAccepted>(subject, _ => PersonalData.Accepted(entry), cancellationToken);
        await db.RewriteStoredEventsAsync<EntryTextSubmitted>(subject, _ => PersonalData.Text(entry), cancellationToken);
        await db.RewriteStoredEventsAsync<EntryTextRedacted>(subject, m => m with { Title = entry.Title, Body = entry.Body }, cancellationToken);
        await db.RewriteStoredEventsAsync<NomineeCorrected>(subject, m => m with { FullName = entry.NomineeFullName, Ward = entry.NomineeWard }, cancellationToken);
    }

    private static ErasureReceipt Receipt(Erasure erasure) => new(erasure.EntryId, erasure.Person, erasure.ErasedBy, erasure.ErasedAt);

    private static void Correct(Entry entry, CorrectPersonalDataRequest request)
    {
        if (request.Author is { } author)
        {
            entry.AuthorFullName = VietnameseText.Clean(author.FullName) ?? entry.AuthorFullName;
            entry.AuthorPosition = Optional(author.Position) ?? entry.AuthorPosition;
            entry.AuthorPhone = Optional(author.Phone) ?? entry.AuthorPhone;
            entry.AuthorEmail = Optional(author.Email) ?? entry.AuthorEmail;
        }
        if (request.Nominee is { } nominee)
        {
            entry.NomineeFullName = VietnameseText.Clean(nominee.FullName) ?? entry.NomineeFullName;
            entry.NomineeBirthYear = nominee.BirthYear ?? entry.NomineeBirthYear;
            entry.NomineePosition = Optional(nominee.Position) ?? entry.NomineePosition;
            entry.NomineeWorkplace = Optional(nominee.Workplace) ?? entry.NomineeWorkplace;
            entry.NomineeStreet = Optional(nominee.Address?.Street) ?? entry.NomineeStreet;
            entry.NomineeWard = VietnameseText.Clean(nominee.Address?.Ward) ?? entry.NomineeWard;
        }
    }

    private static string? Optional(string? text) => VietnameseText.Clean(text) is { Length: > 0 } clean ? clean : null;
}
