using System.Security.Claims;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record ScoreRequest(Dictionary<string, decimal>? Scores, [property: MultiLineText] string? Comment);
public sealed record ScoreView(Guid EntryId, IReadOnlyDictionary<string, decimal> Scores, decimal Total, string? Comment, DateTimeOffset ScoredAt);

public static class ScoresApi
{
    public static IEndpointRouteBuilder MapScoresApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/judging/{year:int}/entries/{entryId:guid}/scores").WithTags("Scores").WithContestYear().WithIdempotency<JudgingDbContext>()
            .RequireAuthorization(TokenAuthentication.JudgePolicy)
            .MapPut("/mine", PutMyScore).WithSummary("Score an entry")
            .WithDescription("A judge scores, or revises the score of, an entry assigned to them: points per rubric criterion and an optional comment, until the results are final. 403 when not assigned; 422 score_out_of_range; 409 judging_finalized.");
        return app;
    }

    /// <summary>A judge scores (or revises the score of) an entry assigned to them, per criterion, until finalisation.</summary>
    public static async Task<Results<Ok<ScoreView>, ProblemHttpResult>> PutMyScore(
        int year, Guid entryId, ScoreRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock, JudgingMetrics metrics)
    {
        var judge = await db.CallingJudgeAsync(user, year);
        var assignment = judge is null ? null
            : await db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.Year == year && a.EntryId == entryId && a.JudgeId == judge.Id);
        if (assignment is null)
        {
            return Problems.Forbidden(Messages.NotAssigned);
        }
        var panel = await db.YearAsync(year);
        if (panel.IsFinalized)
        {
            return SettingsApi.Finalized(year);
        }

        var scores = request.Scores ?? [];
        if (ValidationErrors(year, request, panel.Rubric, scores) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }
        var outOfRange = panel.Rubric.Where(c => scores[c.Key] < 0 || scores[c.Key] > c.MaxPoints).ToList();
        if (outOfRange.Count > 0)
        {
            return Problems.Unprocessable("score_out_of_range",
                Messages.ScoresOutOfRange(outOfRange.Select(c => (c.Name, c.MaxPoints, scores[c.Key]))),
                [new("errors", outOfRange.ToDictionary(c => $"scores.{c.Key}", c => new[] { $"0 to {c.MaxPoints}" }))]);
        }

        var points = panel.Rubric.ToDictionary(c => c.Key, c => scores[c.Key]);
        var total = points.Values.Sum();
        var comment = request.Comment?.Normalize(System.Text.NormalizationForm.FormC).Trim() is { Length: > 0 } text ? text : null;
        var scoredAt = clock.GetUtcNow();
        // One statement that also checks the year is still open, so a score racing finalisation cannot land after the results froze.
        using var writing = await db.WriteLockAsync();
        var saved = await db.Assignments
            .Where(a => a.Id == assignment.Id && db.Years.Any(y => y.Year == year && y.FinalizedAt == null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Points, points)
                .SetProperty(a => a.Total, total)
                .SetProperty(a => a.Comment, comment)
                .SetProperty(a => a.ScoredAt, scoredAt));
        if (saved == 0)
        {
            return SettingsApi.Finalized(year);
        }
        metrics.ScoreSaved();
        return TypedResults.Ok(new ScoreView(entryId, points, total, comment, scoredAt));
    }

    private static Dictionary<string, string[]> ValidationErrors(int year, ScoreRequest request, List<RubricCriterion> rubric, Dictionary<string, decimal> scores)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var criterion in rubric.Where(c => !scores.ContainsKey(c.Key)))
        {
            errors[$"scores.{criterion.Key}"] = [$"Give points for '{criterion.Name}' (0 to {criterion.MaxPoints})."];
        }
        foreach (var key in scores.Keys.Where(k => rubric.All(c => c.Key != k)))
        {
            errors[$"scores.{key}"] = [$"'{key}' is not a criterion of the {year} rubric."];
        }
        foreach (var (key, _) in scores.Where(s => decimal.Round(s.Value, 2) != s.Value))
        {
            errors[$"scores.{key}"] = ["Points have at most two decimals."];
        }
        if (request.Comment is { Length: > ScoreLimits.MaxCommentLength })
        {
            errors["comment"] = [$"A comment has at most {ScoreLimits.MaxCommentLength} characters."];
        }
        return errors;
    }
}
