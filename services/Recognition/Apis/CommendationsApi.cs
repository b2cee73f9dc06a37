using System.Security.Claims;
using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

/// <summary>The contract's body, plus an optional <c>form</c> and <c>signedOn</c> that let the reward table price the title when <c>amount</c> is left out.</summary>
public sealed record CommendationRequest(
    string? Category, string? Name, string? UnitCode, string? Field, long? Amount, string? DecisionNumber, string? Form, DateOnly? SignedOn);
public sealed record CommendationView(
    Guid Id, int Year, string Category, string Name, string? UnitCode, string Field, long Amount, string AmountSource, string DecisionNumber,
    string RecordedBy, DateTimeOffset RecordedAt);
public sealed record CommendationListQuery(string? Category);

public static class CommendationsApi
{
    public static IEndpointRouteBuilder MapCommendationsApi(this IEndpointRouteBuilder app)
    {
        var commendations = app.MapYearGroup("/commendations", "Commendations");
        commendations.MapPost("/", Commend).WithSummary("Record a movement title")
            .WithDescription("One of the movement's titles from a paper decision (category cultural-residential-group, cultural-family, collective or individual). Without amount, form and signedOn let the reward table price it; a form outside its validity on signedOn: 422 reward_form_expired or reward_form_not_yet_valid.");
        commendations.MapGet("/", ListCommendations).WithSummary("List movement titles")
            .WithDescription("The year's titles, optionally of one category. Paged.");
        return app;
    }

    /// <summary>Records one of the movement's titles from a paper decision.</summary>
    public static async Task<Results<Created<CommendationView>, ProblemHttpResult>> Commend(
        int year, CommendationRequest request, ClaimsPrincipal user, RecognitionDbContext db, TimeProvider clock)
    {
        var category = request.Category?.Trim().ToLowerInvariant() ?? "";
        var name = VietnameseText.Clean(request.Name) ?? "";
        var unitCode = request.UnitCode?.Trim().ToLowerInvariant() is { Length: > 0 } code ? code : null;
        var field = request.Field?.Trim().ToLowerInvariant() ?? "";
        var decisionNumber = VietnameseText.Clean(request.DecisionNumber) ?? "";
        var form = request.Form?.Trim().ToLowerInvariant() is { Length: > 0 } f ? f : null;
        if (await ValidationErrorsAsync(request, category, name, unitCode, field, decisionNumber, form, db) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow();
        var on = request.SignedOn ?? VietnamTime.Date(now);
        var awardForm = form is null ? null : await db.AwardForms.AsNoTracking().SingleAsync(f => f.Code == form);
        if (awardForm is not null && RewardTableApi.Refusal(awardForm, on) is { } outOfForce)
        {
            return outOfForce;
        }
        var amount = request.Amount;
        if (amount is null)
        {
            var quote = RewardTable.Quote(awardForm!, on, CommendationCategory.RecipientKindOf(category),
                await db.BaseSalaries.ToListAsync(), await db.FormCoefficients.ToListAsync());
            if (quote is null)
            {
                return Problems.Unprocessable("reward_table_incomplete", Messages.RewardTableIncomplete(form!, on, "amount"));
            }
            amount = quote.Amount;
        }
        var commendation = new Commendation
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Category = category,
            Name = name,
            UnitCode = unitCode,
            Field = field,
            Amount = amount.Value,
            AmountSource = request.Amount is null ? AmountSource.Table : AmountSource.Override,
            DecisionNumber = decisionNumber,
            RecordedBy = user.Caller().ClientId,
            RecordedAt = now
        };
        db.Commendations.Add(commendation);
        db.Publish(new MovementTitleRecorded(commendation.Id, year, category, name, unitCode, commendation.Amount, decisionNumber));
        db.Audit(Actor.Of(user), "commendation.recorded", "commendation", commendation.Id.ToString(),
            new { category, name, unitCode, field, amount, commendation.AmountSource, decisionNumber }, year);
        if (await RecognitionRoutes.TrySaveAsync(db, figuresOf: year) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Created($"/api/recognition/{year}/commendations/{commendation.Id}", ToView(commendation));
    }

    private static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(CommendationRequest request,
        string category, string name, string? unitCode, string field, string decisionNumber, string? form, RecognitionDbContext db)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CommendationCategory.All.Contains(category))
        {
            errors["category"] = [$"category is one of {string.Join(", ", CommendationCategory.All)}."];
        }
        if (name.Length is 0 or > 300)
        {
            errors["name"] = ["name has 1 to 300 characters."];
        }
        if (unitCode is { Length: > 40 })
        {
            errors["unitCode"] = ["A unit code has at most 40 characters."];
        }
        if (!Fields.Codes.Contains(field))
        {
            errors["field"] = [$"field is one of {string.Join(", ", Fields.Codes)}."];
        }
        if (decisionNumber.Length is 0 or > 100)
        {
            errors["decisionNumber"] = ["decisionNumber names the paper decision in 1 to 100 characters."];
        }
        if (request.Amount is < 0 or > RecognitionRoutes.MaxAmount)
        {
            errors["amount"] = ["amount is a whole number of VND from 0 to 10,000,000,000."];
        }
        else if (request.Amount is null && form is null)
        {
            errors["amount"] = ["Give the amount, or the award form (and signedOn) to take it from the reward table."];
        }
        var awardForm = form is null ? null : await db.AwardForms.AsNoTracking().SingleOrDefaultAsync(a => a.Code == form);
        if (form is not null && awardForm is null)
        {
            errors["form"] = ["form is not in the reward table."];
        }
        else if (awardForm?.RecipientKind is { } only && CommendationCategory.All.Contains(category) && only != CommendationCategory.RecipientKindOf(category))
        {
            errors["form"] = [$"{awardForm.Code} is a title for {only} recipients; {category} is rewarded as {CommendationCategory.RecipientKindOf(category)}."];
        }
        return errors;
    }

    public static async Task<Results<Ok<Page<CommendationView>>, ProblemHttpResult>> ListCommendations(
        int year, [AsParameters] CommendationListQuery query, [AsParameters] PageRequest paging, RecognitionDbContext db)
    {
        var category = query.Category?.Trim().ToLowerInvariant();
        if (category is { Length: > 0 } && !CommendationCategory.All.Contains(category))
        {
            return Problems.Validation("category", $"category is one of {string.Join(", ", CommendationCategory.All)}.");
        }
        var commendations = db.Commendations.AsNoTracking().Where(c => c.Year == year);
        if (category is { Length: > 0 })
        {
            commendations = commendations.Where(c => c.Category == category);
        }
        var total = await commendations.CountAsync();
        var page = await commendations.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<CommendationView>(page.Select(ToView).ToList(), total));
    }

    private static CommendationView ToView(Commendation c) => new(
        c.Id, c.Year, c.Category, c.Name, c.UnitCode, c.Field, c.Amount, c.AmountSource, c.DecisionNumber, c.RecordedBy ?? "", c.RecordedAt);
}
