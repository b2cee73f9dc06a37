using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
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

public sealed record SalaryView(DateOnly EffectiveFrom, long Amount, string? Basis);
public sealed record CoefficientView(DateOnly EffectiveFrom, decimal Coefficient, string? Basis);
public sealed record FormView(string Code, string Name, IReadOnlyList<CoefficientView> Coefficients);
public sealed record PrizeAmountView(string Prize, DateOnly EffectiveFrom, long Amount);
public sealed record RewardTableView(
    IReadOnlyList<SalaryView> BaseSalaries, IReadOnlyList<FormView> Forms, IReadOnlyDictionary<string, decimal> Multipliers,
    IReadOnlyList<PrizeAmountView> Prizes);
public sealed record QuoteQuery(string? Form, string? On, string? Recipient);
public sealed record SalaryRequest(long? Amount, string? Basis);
public sealed record CoefficientRequest(decimal? Coefficient, string? Name, string? Basis);
public sealed record PrizeAmountRequest(long? Amount);

/// <summary>
/// The reward table: base salaries and award-form coefficients by effective date, and the contest's prize money.
/// Adding a version never changes money already decided: decisions keep the amounts they were signed with.
/// </summary>
public static partial class RewardTableApi
{
    public static IEndpointRouteBuilder MapRewardTableApi(this IEndpointRouteBuilder app)
    {
        var table = app.MapGroup("/api/recognition/reward-table").WithTags("Reward table")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithIdempotency<RecognitionDbContext>();
        table.MapGet("/", GetTable).WithSummary("Read the reward table")
            .WithDescription("Base salaries and award-form coefficients by effective date, and the prize money.");
        table.MapGet("/quote", Quote).WithSummary("Price a form on a date")
            .WithDescription("What one recipient of a form gets on a date (ISO yyyy-MM-dd), with the figures it comes from. 422 reward_table_incomplete when a figure is missing.");
        table.MapPut("/base-salaries/{effectiveFrom}", PutBaseSalary).WithSummary("Set the base salary from a date")
            .WithDescription("Adds or corrects the base salary in force from an ISO date. Money already decided keeps its amounts.");
        table.MapPut("/forms/{form}/coefficients/{effectiveFrom}", PutCoefficient).WithSummary("Set a form's coefficient from a date")
            .WithDescription("Adds or corrects an award form's coefficient from an ISO date; a new form needs its name.");
        table.MapPut("/prizes/{prize}/amounts/{effectiveFrom}", PutPrizeAmount).WithSummary("Set a prize's money from a date")
            .WithDescription("Sets a contest prize's money from an ISO date; awards recorded on or after it are repriced.");
        return app;
    }

    public static async Task<Ok<RewardTableView>> GetTable(RecognitionDbContext db)
    {
        var coefficients = (await db.FormCoefficients.AsNoTracking().ToListAsync()).ToLookup(c => c.FormCode);
        var forms = (await db.AwardForms.AsNoTracking().OrderBy(f => f.Code).ToListAsync())
            .Select(f => new FormView(f.Code, f.Name, coefficients[f.Code].OrderBy(c => c.EffectiveFrom)
                .Select(c => new CoefficientView(c.EffectiveFrom, c.Coefficient, c.Basis)).ToList()))
            .ToList();
        var salaries = (await db.BaseSalaries.AsNoTracking().ToListAsync()).OrderBy(s => s.EffectiveFrom)
            .Select(s => new SalaryView(s.EffectiveFrom, s.Amount, s.Basis)).ToList();
        var prizes = (await db.PrizeAmounts.AsNoTracking().ToListAsync()).OrderBy(p => Array.IndexOf(RewardTable.Prizes, p.Prize)).ThenBy(p => p.EffectiveFrom)
            .Select(p => new PrizeAmountView(p.Prize, p.EffectiveFrom, p.Amount)).ToList();
        var multipliers = new[] { RecipientKind.Individual, RecipientKind.Household, RecipientKind.Collective }
            .ToDictionary(k => k, RewardTable.Multiplier);
        return TypedResults.Ok(new RewardTableView(salaries, forms, multipliers, prizes));
    }

    /// <summary>What a recipient of a form gets on a date, with the figures it comes from.</summary>
    public static async Task<Results<Ok<RewardQuote>, ProblemHttpResult>> Quote([AsParameters] QuoteQuery query, RecognitionDbContext db)
    {
        var form = query.Form?.Trim().ToLowerInvariant() ?? "";
        var recipient = query.Recipient?.Trim().ToLowerInvariant() is { Length: > 0 } r ? r : RecipientKind.Individual;
        var errors = new Dictionary<string, string[]>();
        if (!await db.AwardForms.AnyAsync(f => f.Code == form))
        {
            errors["form"] = ["form is not in the reward table."];
        }
        var on = ParseDate(query.On);
        if (on is null)
        {
            errors["on"] = ["on is the decision date (yyyy-MM-dd)."];
        }
        if (recipient is not (RecipientKind.Individual or RecipientKind.Household or RecipientKind.Collective))
        {
            errors["recipient"] = ["recipient is individual, household or collective."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var quote = RewardTable.Quote(form, on!.Value, recipient, await db.BaseSalaries.ToListAsync(), await db.FormCoefficients.ToListAsync());
        return quote is null
            ? Problems.Unprocessable("reward_table_incomplete", Messages.RewardTableIncomplete(form, on!.Value))
            : TypedResults.Ok(quote);
    }

    public static async Task<Results<Ok<SalaryView>, Created<SalaryView>, ProblemHttpResult>> PutBaseSalary(
        string effectiveFrom, SalaryRequest request, ClaimsPrincipal user, RecognitionDbContext db)
    {
        if (ParseDate(effectiveFrom) is not { } from)
        {
            return InvalidEffectiveFrom();
        }
        var basis = VietnameseText.Clean(request.Basis) is { Length: > 0 } b ? b : null;
        var errors = new Dictionary<string, string[]>();
        if (request.Amount is not (> 0 and <= 1_000_000_000))
        {
            errors["amount"] = ["amount is the base salary in VND, from 1 to 1,000,000,000."];
        }
        if (basis is { Length: > 300 })
        {
            errors["basis"] = ["basis has at most 300 characters."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var salary = await db.BaseSalaries.FindAsync(from);
        var created = salary is null;
        salary ??= db.BaseSalaries.Add(new BaseSalary { EffectiveFrom = from }).Entity;
        salary.Amount = request.Amount!.Value;
        salary.Basis = basis;
        salary.ChangedBy = user.Caller().ClientId;
        db.Audit(Actor.Of(user), "reward-table.base-salary-set", "base-salary", $"{from:yyyy-MM-dd}", new { salary.Amount, basis });
        if (await RecognitionRoutes.TrySaveAsync(db) is { } conflict)
        {
            return conflict;
        }
        var view = new SalaryView(salary.EffectiveFrom, salary.Amount, salary.Basis);
        return created ? TypedResults.Created($"/api/recognition/reward-table/base-salaries/{from:yyyy-MM-dd}", view) : TypedResults.Ok(view);
    }

    /// <summary>Adds or corrects a form's coefficient from a date; a new form needs its name.</summary>
    public static async Task<Results<Ok<FormView>, Created<FormView>, ProblemHttpResult>> PutCoefficient(
        string form, string effectiveFrom, CoefficientRequest request, ClaimsPrincipal user, RecognitionDbContext db)
    {
        if (ParseDate(effectiveFrom) is not { } from)
        {
            return InvalidEffectiveFrom();
        }
        var code = form.Trim().ToLowerInvariant();
        var name = VietnameseText.Clean(request.Name) is { Length: > 0 } n ? n : null;
        var basis = VietnameseText.Clean(request.Basis) is { Length: > 0 } b ? b : null;
        var existingForm = await db.AwardForms.FindAsync(code);
        var errors = new Dictionary<string, string[]>();
        if (!FormCode().IsMatch(code))
        {
            errors["form"] = ["A form code is 2 to 60 lower-case letters, digits or dashes, e.g. giay-khen-chu-tich-xa."];
        }
        if (request.Coefficient is not (> 0m and <= 100m) || decimal.Round(request.Coefficient.Value, 4) != request.Coefficient.Value)
        {
            errors["coefficient"] = ["coefficient is a multiple of the base salary above 0 and at most 100, with at most 4 decimals."];
        }
        if (existingForm is null && name is null)
        {
            errors["name"] = ["A new form needs its name, e.g. Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã."];
        }
        if (name is { Length: > 200 } || basis is { Length: > 300 })
        {
            errors["name"] = ["name has at most 200 characters and basis at most 300."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        existingForm ??= db.AwardForms.Add(new AwardForm { Code = code, Name = name! }).Entity;
        existingForm.Name = name ?? existingForm.Name;
        var coefficient = await db.FormCoefficients.FindAsync(code, from);
        var created = coefficient is null;
        coefficient ??= db.FormCoefficients.Add(new FormCoefficient { FormCode = code, EffectiveFrom = from }).Entity;
        coefficient.Coefficient = request.Coefficient!.Value;
        coefficient.Basis = basis;
        coefficient.ChangedBy = user.Caller().ClientId;
        db.Audit(Actor.Of(user), "reward-table.coefficient-set", "form", code, new { effectiveFrom = $"{from:yyyy-MM-dd}", coefficient.Coefficient, basis });
        if (await RecognitionRoutes.TrySaveAsync(db) is { } conflict)
        {
            return conflict;
        }
        var versions = await db.FormCoefficients.AsNoTracking().Where(c => c.FormCode == code).ToListAsync();
        var view = new FormView(code, existingForm.Name, versions.OrderBy(c => c.EffectiveFrom).Select(c => new CoefficientView(c.EffectiveFrom, c.Coefficient, c.Basis)).ToList());
        return created ? TypedResults.Created($"/api/recognition/reward-table/forms/{code}/coefficients/{from:yyyy-MM-dd}", view) : TypedResults.Ok(view);
    }

    /// <summary>Sets a prize's money from a date; awards already recorded on or after it are repriced, since prizes carry no decision of their own.</summary>
    public static async Task<Results<Ok<PrizeAmountView>, Created<PrizeAmountView>, ProblemHttpResult>> PutPrizeAmount(
        string prize, string effectiveFrom, PrizeAmountRequest request, ClaimsPrincipal user, RecognitionDbContext db)
    {
        if (ParseDate(effectiveFrom) is not { } from)
        {
            return InvalidEffectiveFrom();
        }
        var key = prize.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, string[]>();
        if (!RewardTable.Prizes.Contains(key))
        {
            errors["prize"] = [$"prize is one of {string.Join(", ", RewardTable.Prizes)}."];
        }
        if (request.Amount is not (>= 0 and <= RecognitionRoutes.MaxAmount))
        {
            errors["amount"] = ["amount is a whole number of VND from 0 to 10,000,000,000."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var row = await db.PrizeAmounts.FindAsync(key, from);
        var created = row is null;
        row ??= db.PrizeAmounts.Add(new PrizeAmount { Prize = key, EffectiveFrom = from }).Entity;
        row.Amount = request.Amount!.Value;
        row.ChangedBy = user.Caller().ClientId;
        db.Audit(Actor.Of(user), "reward-table.prize-amount-set", "prize", key, new { effectiveFrom = $"{from:yyyy-MM-dd}", row.Amount });

        var versions = (await db.PrizeAmounts.Where(p => p.Prize == key).ToListAsync()).Where(p => p != row).Append(row).ToList();
        foreach (var award in await db.Awards.Where(a => a.Prize == key).ToListAsync())
        {
            var amount = RewardTable.InForce(versions, VietnamTime.Date(award.FinalizedAt))?.Amount ?? 0;
            if (award.Amount != amount)
            {
                db.Audit(Actor.Of(user), "award.repriced", "entry", award.EntryId.ToString(), new { from = award.Amount, to = amount, prize = key }, award.Year);
                award.Amount = amount;
            }
        }
        if (await RecognitionRoutes.TrySaveAsync(db) is { } conflict)
        {
            return conflict;
        }
        var view = new PrizeAmountView(key, from, row.Amount);
        return created ? TypedResults.Created($"/api/recognition/reward-table/prizes/{key}/amounts/{from:yyyy-MM-dd}", view) : TypedResults.Ok(view);
    }

    /// <summary>Only ISO dates: "1-7-2025" means 1 July to a Vietnamese reader and 7 January to a lenient parser.</summary>
    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static ProblemHttpResult InvalidEffectiveFrom() =>
        Problems.Validation("effectiveFrom", "effectiveFrom is the date the version takes effect (yyyy-MM-dd).");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex FormCode();
}
