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

/// <summary>
/// Who organises the year: <c>areaCode</c> names a district or ward of the seed (docs/reorganisation.md), which gives
/// the level, the area and its wards; without it, another body gives <c>name</c>, <c>areaName</c> and the wards.
/// </summary>
public sealed record OrganiserRequest(string? AreaCode, string? Name, string? Level, string? AreaName, string? SignerTitle);
public sealed record ContestRequest(
    string? Title, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? MinWords, int? MaxWords, List<string>? DistrictWards,
    OrganiserRequest? Organiser = null);
public sealed record OrganiserView(string Name, string Level, string? AreaCode, string AreaName, string SignerTitle);
public sealed record ContestView(
    int Year, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MinWords, int MaxWords, IReadOnlyList<string> DistrictWards,
    OrganiserView Organiser);
public sealed record FieldView(string Code, string Name);
public sealed record PublicContestView(
    int Year, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MinWords, int MaxWords,
    IReadOnlyList<string> DistrictWards, IReadOnlyList<FieldView> Fields, OrganiserView Organiser);
public sealed record QuotaRequest(int? Target);
public sealed record QuotaView(string UnitCode, int Target);
public sealed record UnitQuotaView(string UnitCode, string UnitName, int Target);

public static class ContestsApi
{
    public static IEndpointRouteBuilder MapContestsApi(this IEndpointRouteBuilder app)
    {
        var contests = app.MapGroup("/api/contests/{year:int}").WithTags("Contests").WithContestYear().WithBodyLimit()
            .WithIdempotency<SubmissionDbContext>();
        contests.MapGet("/", GetContest).WithSummary("Read a contest year")
            .WithDescription("The year's title, window, word limits, wards and fields, for anyone (no token).")
            .AllowAnonymous();
        contests.MapPut("/", PutContest).WithSummary("Create or change a contest year")
            .WithDescription("The year's title, submission window, word limits (default 1,300–1,500), organiser and its area's wards. Without organiser the year is the district's (Ủy ban nhân dân quận Hoàn Kiếm) and districtWards default to its 18 wards; organiser.areaCode names a district or ward in force on the opening day (e.g. phuong-hoan-kiem), whose wards are then the area's. 201 when the year is new, 200 when it existed.")
            .WithExample(Examples.Contest)
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        contests.MapGet("/quotas", ListQuotas).WithSummary("List quotas")
            .WithDescription("The year's quotas: every unit's for the secretariat, its own for a unit.")
            .RequireAuthorization(TokenAuthentication.UnitOrSecretariatPolicy);
        contests.MapPut("/quotas/{unitCode}", PutQuota).WithSummary("Set a unit's quota")
            .WithDescription("How many entries the unit is asked to send in the year (0–100,000). 404 contest_not_found or unit_not_found.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    /// <summary>Public: the year's rules as a portal shows them before anyone signs in.</summary>
    public static async Task<Results<Ok<PublicContestView>, ProblemHttpResult>> GetContest(int year, SubmissionDbContext db)
    {
        var contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year);
        if (contest is null)
        {
            return Problems.NotFound("contest_not_found", Messages.ContestNotFound(year));
        }
        return TypedResults.Ok(new PublicContestView(year, contest.Title, contest.OpensAt, contest.ClosesAt, contest.MinWords, contest.MaxWords,
            contest.DistrictWards, [.. Fields.All.Select(f => new FieldView(f.Code, f.Name))], ToView(contest)));
    }

    public static async Task<Results<Ok<ContestView>, Created<ContestView>, ProblemHttpResult>> PutContest(
        int year, ContestRequest request, SubmissionDbContext db)
    {
        var title = VietnameseText.Clean(request.Title) ?? "";
        var minWords = request.MinWords ?? 1300;
        var maxWords = request.MaxWords ?? 1500;
        var errors = new Dictionary<string, string[]>();
        if (title.Length is 0 or > 500)
        {
            errors["title"] = ["A title has 1 to 500 characters."];
        }
        if (request.OpensAt is null || request.ClosesAt is null || request.OpensAt >= request.ClosesAt)
        {
            errors["closesAt"] = ["opensAt and closesAt are required, and the contest closes after it opens."];
        }
        if (minWords < 1 || maxWords < minWords || maxWords > 100_000)
        {
            errors["maxWords"] = ["minWords is at least 1 and maxWords at least minWords (at most 100,000)."];
        }
        var opensOn = request.OpensAt is { } opens ? ServiceDefaults.VietnamTime.Date(opens) : default;
        var organiser = Organisers.Resolve(request.Organiser, opensOn, errors);
        var wards = (request.DistrictWards is { Count: > 0 } given ? given : organiser?.Wards ?? [])
            .Select(VietnameseText.Clean).OfType<string>().Where(w => w.Length > 0).Distinct().ToList();
        if (organiser is not null && (wards.Count is 0 or > 500 || wards.Any(w => w.Length > 100)))
        {
            errors["districtWards"] = ["districtWards names 1 to 500 wards of at most 100 characters."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var contest = await db.Contests.FindAsync(year);
        var created = contest is null;
        contest ??= db.Contests.Add(new Contest { Year = year, Title = title }).Entity;
        contest.Title = title;
        contest.OpensAt = request.OpensAt!.Value.ToUniversalTime();
        contest.ClosesAt = request.ClosesAt!.Value.ToUniversalTime();
        contest.MinWords = minWords;
        contest.MaxWords = maxWords;
        contest.DistrictWards = wards;
        (contest.OrganiserName, contest.OrganiserLevel, contest.AreaName, contest.SignerTitle) =
            (organiser!.Organiser.Name, organiser.Organiser.Level, organiser.Organiser.AreaName, organiser.Organiser.SignerTitle);
        contest.AreaCode = organiser.AreaCode;
        db.Publish(new ContestConfigured(year, title, contest.OpensAt, contest.ClosesAt, minWords, maxWords, contest.Organiser));
        await db.SaveChangesAsync();

        var view = new ContestView(year, title, contest.OpensAt, contest.ClosesAt, minWords, maxWords, wards, ToView(contest));
        return created ? TypedResults.Created($"/api/contests/{year}", view) : TypedResults.Ok(view);
    }

    private static OrganiserView ToView(Contest c) => new(c.OrganiserName, c.OrganiserLevel, c.AreaCode, c.AreaName, c.SignerTitle);

    public static async Task<Results<Ok<QuotaView>, ProblemHttpResult>> PutQuota(
        int year, string unitCode, QuotaRequest request, ClaimsPrincipal user, SubmissionDbContext db)
    {
        if (request.Target is not (>= 0 and <= 100_000))
        {
            return Problems.Validation("target", "target is a whole number from 0 to 100,000.");
        }
        if (!await db.Contests.AnyAsync(c => c.Year == year))
        {
            return Problems.NotFound("contest_not_found", Messages.ContestNotFound(year));
        }
        if (await db.UnitAsync(unitCode) is not { } unit)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitNotFound(unitCode.Trim()));
        }
        var quota = await db.Quotas.FindAsync(year, unit.Code);
        var previous = quota?.Target;
        quota ??= db.Quotas.Add(new Quota { Year = year, UnitCode = unit.Code }).Entity;
        db.Audit(Actor.Of(user), "quota.set", "unit", unit.Code, new { from = previous, to = request.Target.Value }, year);
        quota.Target = request.Target.Value;
        db.Publish(new QuotaSet(year, unit.Code, quota.Target));
        await db.SaveChangesAsync();
        return TypedResults.Ok(new QuotaView(unit.Code, quota.Target));
    }

    /// <summary>The year's quotas: every unit's for the secretariat, its own for a unit.</summary>
    public static async Task<Results<Ok<Page<UnitQuotaView>>, ProblemHttpResult>> ListQuotas(
        int year, [AsParameters] PageRequest paging, ClaimsPrincipal user, SubmissionDbContext db)
    {
        if (!await db.Contests.AnyAsync(c => c.Year == year))
        {
            return Problems.NotFound("contest_not_found", Messages.ContestNotFound(year));
        }
        var quotas = db.Quotas.AsNoTracking().Where(q => q.Year == year);
        if (!user.IsSecretariat())
        {
            var key = UnitCodes.Key(user.Caller().UnitCode ?? "");
            quotas = quotas.Where(q => q.UnitCode.ToLower() == key);
        }
        var total = await quotas.CountAsync();
        var items = await (from q in quotas
                           join u in db.Units.AsNoTracking() on q.UnitCode equals u.Code
                           orderby q.UnitCode
                           select new UnitQuotaView(q.UnitCode, u.Name, q.Target)).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<UnitQuotaView>(items, total));
    }
}
