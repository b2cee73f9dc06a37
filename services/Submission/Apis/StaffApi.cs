using System.Security.Claims;
using System.Security.Cryptography;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record CreateStaffRequest(string? FullName, string? Position);
public sealed record StaffCredentials(string Id, string FullName, string Position, string ClientId, [property: ShownOnce] string ClientSecret);
public sealed record StaffView(string Id, string FullName, string Position, bool Active, DateTimeOffset CreatedAt,
    DateTimeOffset CredentialChangedAt, DateTimeOffset? DisabledAt);

/// <summary>
/// The secretariat's people: each has an account of their own (role secretariat), so every decision names a person.
/// Kept here, beside the units' credentials, and checked by the gateway through the same verification.
/// </summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").WithBodyLimit().WithIdempotency<SubmissionDbContext>()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        staff.MapPost("/", CreateStaff).WithSummary("Create a staff account")
            .WithDescription("A named person of the secretariat (full name, position) with an account of their own, role secretariat; the secret is shown in this answer only. Their tokens carry sub = the account id and name = the full name, and every audited write names them.")
            .WithSecretInAnswer();
        staff.MapGet("/", ListStaff).WithSummary("List staff accounts")
            .WithDescription("Every staff account, oldest first, paged, with whether its credential is active.");
        staff.MapGet("/{id}", GetStaff).WithSummary("Get a staff account")
            .WithDescription("One staff account and its credential's state. 404 staff_not_found.");
        staff.MapPost("/{id}/credential", ReplaceStaffCredential).WithSummary("Replace or reset a staff member's credential")
            .WithDescription("The member replaces their own secret: a generated one (shown in this answer only) or, with passphrase, one of their own of at least 12 characters. Anyone else of the secretariat resets it to a generated secret. The old secret stops working at once.")
            .WithSecretInAnswer();
        staff.MapDelete("/{id}/credential", DisableStaffCredential).WithSummary("Disable a staff member's credential")
            .WithDescription("The account gets no more tokens; tokens already issued end within their 15 minutes. A reset enables it again with a new secret.");
        return app;
    }

    public static async Task<Results<Created<StaffCredentials>, ProblemHttpResult>> CreateStaff(
        CreateStaffRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock)
    {
        var fullName = VietnameseText.Clean(request.FullName) ?? "";
        var position = VietnameseText.Clean(request.Position) ?? "";
        var errors = new Dictionary<string, string[]>();
        if (fullName.Length is 0 or > 200)
        {
            errors["fullName"] = ["A full name has 1 to 200 characters."];
        }
        if (position.Length is 0 or > 200)
        {
            errors["position"] = ["A position has 1 to 200 characters, e.g. Chuyên viên Phòng Văn hóa và Thông tin."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var now = clock.GetUtcNow();
        var (credential, secret) = Credential.Issue(now);
        var member = new StaffMember
        {
            // Random rather than derived from a name or a time: an account id tells nothing about the person.
            Id = StaffMember.IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            FullName = fullName,
            Position = position,
            Credential = credential,
            CreatedAt = now
        };
        db.Staff.Add(member);
        db.Audit(Actor.Of(user), "staff.created", "staff", member.Id, new { fullName, position });
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/staff/{member.Id}", new StaffCredentials(member.Id, fullName, position, member.Id, secret));
    }

    public static async Task<Ok<Page<StaffView>>> ListStaff([AsParameters] PageRequest paging, SubmissionDbContext db)
    {
        var total = await db.Staff.CountAsync();
        var items = await db.Staff.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<StaffView>(items.Select(View).ToList(), total));
    }

    public static async Task<Results<Ok<StaffView>, ProblemHttpResult>> GetStaff(string id, SubmissionDbContext db) =>
        await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id) is { } member
            ? TypedResults.Ok(View(member))
            : NotFound(id);

    /// <summary>The member replaces their own secret (or chooses a passphrase); anyone else of the secretariat resets it.</summary>
    public static async Task<Results<Ok<NewCredential>, ProblemHttpResult>> ReplaceStaffCredential(
        string id, CredentialRequest? request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock)
    {
        if (await db.Staff.SingleOrDefaultAsync(s => s.Id == id) is not { } member)
        {
            return NotFound(id);
        }
        return await CredentialChanges.ReplaceAsync(db, user, member.Credential, member.Id, "staff", member.Id, request,
            byOwner: user.Caller().ClientId == member.Id, clock.GetUtcNow());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisableStaffCredential(
        string id, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock)
    {
        if (await db.Staff.SingleOrDefaultAsync(s => s.Id == id) is not { } member)
        {
            return NotFound(id);
        }
        return await CredentialChanges.DisableAsync(db, user, member.Credential, member.Id, "staff", member.Id, clock.GetUtcNow());
    }

    private static StaffView View(StaffMember s) =>
        new(s.Id, s.FullName, s.Position, s.Credential.DisabledAt is null, s.CreatedAt, s.Credential.ChangedAt, s.Credential.DisabledAt);

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("staff_not_found", Messages.StaffNotFound(id));
}
