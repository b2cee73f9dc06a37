using System.Security.Claims;
using System.Text.RegularExpressions;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record PrizeCountsRequest(int? First, int? Second, int? Third, int? Encouragement);
public sealed record CriterionRequest(string? Key, string? Name, int? MaxPoints);
public sealed record SettingsRequest(int? JudgesPerEntry, PrizeCountsRequest? Prizes, int? CityForwardCount, List<CriterionRequest?>? Rubric);
public sealed record SettingsView(int Year, int JudgesPerEntry, PrizeCounts Prizes, int CityForwardCount, IReadOnlyList<RubricCriterion> Rubric, bool Finalized,
    DateTimeOffset? ScoringDeadline);
public sealed record ScoringDeadlineRequest(DateTimeOffset? ScoringDeadline);

public static partial class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/judging/{year:int}/settings").WithTags("Judging settings").WithContestYear().WithIdempotency<JudgingDbContext>();
        settings.MapPut("/", PutSettings).WithSummary("Set the judging settings")
            .WithDescription("Judges per entry (default 3), prize counts (1, 2, 3, 10), how many entries go to the city (24) and the rubric. 409 judging_finalized once the results are final.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        settings.MapPut("/scoring-deadline", PutScoringDeadline).WithSummary("Set the scoring deadline")
            .WithDescription("When judges should have scored all their entries (null: none). It refuses no score; judges see it with the settings, and progress lists the judges still behind once it has passed. 409 judging_finalized.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        settings.MapGet("/", GetSettings).WithSummary("Read the judging settings")
            .WithDescription("The year's settings and rubric, defaults included, and the scoring deadline; the year's judges read them too.")
            .RequireAuthorization(p => p.RequireRole(Roles.Secretariat, Roles.Judge));
        return app;
    }

    public static ProblemHttpResult Finalized(int year) =>
        Problems.Conflict("judging_finalized", Messages.JudgingFinalized(year));

    public static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> PutSettings(int year, SettingsRequest request, ClaimsPrincipal user, JudgingDbContext db)
    {
        var defaults = new JudgingYear();
        var judgesPerEntry = request.JudgesPerEntry ?? defaults.JudgesPerEntry;
        var prizes = new PrizeCounts(
            request.Prizes?.First ?? defaults.FirstPrizes,
            request.Prizes?.Second ?? defaults.SecondPrizes,
            request.Prizes?.Third ?? defaults.ThirdPrizes,
            request.Prizes?.Encouragement ?? defaults.EncouragementPrizes);
        var cityForwardCount = request.CityForwardCount ?? defaults.CityForwardCount;
        var rubric = request.Rubric is null
            ? [.. JudgingYear.DefaultRubric]
            : request.Rubric.Select(c => new RubricCriterion(c?.Key?.Trim().ToLowerInvariant() ?? "", VietnameseText.Clean(c?.Name) ?? "", c?.MaxPoints ?? 0)).ToList();

        var errors = new Dictionary<string, string[]>();
        if (judgesPerEntry is < 1 or > ScoreLimits.MaxJudgesPerEntry)
        {
            errors["judgesPerEntry"] = [$"judgesPerEntry is from 1 to {ScoreLimits.MaxJudgesPerEntry}."];
        }
        if (new[] { prizes.First, prizes.Second, prizes.Third, prizes.Encouragement }.Any(n => n is < 0 or > 10_000))
        {
            errors["prizes"] = ["Each prize count is a whole number from 0 to 10,000."];
        }
        if (cityForwardCount is < 0 or > 10_000)
        {
            errors["cityForwardCount"] = ["cityForwardCount is a whole number from 0 to 10,000."];
        }
        if (RubricErrors(rubric) is { } rubricError)
        {
            errors["rubric"] = [rubricError];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var panel = await db.YearAsync(year);
        if (panel.IsFinalized)
        {
            return Finalized(year);
        }
        var rubricChanged = !panel.Rubric.SequenceEqual(rubric);
        if (rubricChanged && await db.Assignments.AnyAsync(a => a.Year == year && a.ScoredAt != null))
        {
            return Problems.Conflict("rubric_locked", Messages.RubricLocked);
        }
        panel.JudgesPerEntry = judgesPerEntry;
        panel.FirstPrizes = prizes.First;
        panel.SecondPrizes = prizes.Second;
        panel.ThirdPrizes = prizes.Third;
        panel.EncouragementPrizes = prizes.Encouragement;
        panel.CityForwardCount = cityForwardCount;
        panel.Rubric = rubric;
        panel.Version = Guid.NewGuid();
        db.Audit(Actor.Of(user), "settings.set", "judging-year", year.ToString(), new { judgesPerEntry, prizes, cityForwardCount, rubricChanged }, year);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("concurrent_update", Messages.PanelChanged);
        }
        return TypedResults.Ok(ToView(panel));
    }

    public static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> PutScoringDeadline(
        int year, ScoringDeadlineRequest request, ClaimsPrincipal user, JudgingDbContext db)
    {
        var panel = await db.YearAsync(year);
        if (panel.IsFinalized)
        {
            return Finalized(year);
        }
        if (panel.ScoringDeadline != request.ScoringDeadline)
        {
            db.Audit(Actor.Of(user), "scoring-deadline.set", "judging-year", year.ToString(), new { from = panel.ScoringDeadline, to = request.ScoringDeadline }, year);
            panel.ScoringDeadline = request.ScoringDeadline;
            await db.SaveChangesAsync();
        }
        return TypedResults.Ok(ToView(panel));
    }

    public static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> GetSettings(int year, ClaimsPrincipal user, JudgingDbContext db)
    {
        if (!user.IsSecretariat() && await db.CallingJudgeAsync(user, year) is null)
        {
            return Problems.Forbidden(Messages.JudgeSeesOnlyOwnYear);
        }
        var panel = await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year) ?? new JudgingYear { Year = year };
        return TypedResults.Ok(ToView(panel));
    }

    private static string? RubricErrors(List<RubricCriterion> rubric)
    {
        if (rubric.Count is 0 or > ScoreLimits.MaxCriteria)
        {
            return $"A rubric has 1 to {ScoreLimits.MaxCriteria} criteria.";
        }
        if (rubric.Any(c => !CriterionKey().IsMatch(c.Key)))
        {
            return "A criterion key is 1 to 40 lower-case letters, digits or dashes, e.g. typicality-and-spread.";
        }
        if (rubric.Select(c => c.Key).Distinct().Count() != rubric.Count)
        {
            return "Criterion keys are unique.";
        }
        if (rubric.Any(c => c.Name.Length is 0 or > 200))
        {
            return "A criterion name has 1 to 200 characters.";
        }
        if (rubric.Any(c => c.MaxPoints is < 1 or > ScoreLimits.MaxPointsPerCriterion))
        {
            return $"maxPoints is a whole number from 1 to {ScoreLimits.MaxPointsPerCriterion}.";
        }
        if (rubric.All(c => c.Key != JudgingYear.ContentKey))
        {
            return $"The rubric has a '{JudgingYear.ContentKey}' criterion: ties in the ranking go to the higher content score.";
        }
        return null;
    }

    private static SettingsView ToView(JudgingYear panel) =>
        new(panel.Year, panel.JudgesPerEntry, panel.Prizes, panel.CityForwardCount, panel.Rubric, panel.IsFinalized, panel.ScoringDeadline);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CriterionKey();
}
