using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record SalaryView(DateOnly EffectiveFrom, long Amount, string? Basis);
public sealed record CoefficientView(DateOnly EffectiveFrom, decimal Coefficient, string? Basis);
public sealed record FormView(string Code, string Name, string Level, string? RecipientKind, DateOnly? ValidFrom, DateOnly? ValidTo, string? Source,
    IReadOnlyList<CoefficientView> Coefficients);
public sealed record RewardTableView(
    IReadOnlyList<SalaryView> BaseSalaries, IReadOnlyList<FormView> Forms, IReadOnlyDictionary<string, decimal> Multipliers);
public sealed record QuoteQuery(string? Form, string? On, string? Recipient);
public sealed record SalaryRequest(long? Amount, string? Basis);
public sealed record CoefficientRequest(decimal? Coefficient, string? Name, string? Basis);
public sealed record FormRequest(string? Name, string? Level, string? RecipientKind, DateOnly? ValidFrom, DateOnly? ValidTo, string? Source);

/// <summary>
/// The reward table: the award forms with who grants them and when they may be chosen, and base salaries and coefficients by effective date.
/// Adding a version never changes money already decided: decisions keep the amounts they were signed with.
/// </summary>
public static partial class RewardTableApi
{
    public static IEndpointRouteBuilder MapRewardTableApi(this IEndpointRouteBuilder app)
    {
        var table = app.MapGroup("/api/recognition/reward-table").WithTags("Reward table")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithIdempotency<RecognitionDbContext>();
        table.MapGet("/", GetTable).WithSummary("Read the reward table")
            .WithDescription("The award forms (level, recipient, validity dates, source) with their coefficients by effective date, and the base salaries.");
        table.MapGet("/quote", Quote).WithSummary("Price a form on a date")
            .WithDescription("What one recipient of a form gets on a date (ISO yyyy-MM-dd), with the figures it comes from. 422 reward_form_expired or reward_form_not_yet_valid outside the form's validity; 422 reward_table_incomplete when a figure is missing.");
        table.MapPut("/base-salaries/{effectiveFrom}", PutBaseSalary).WithSummary("Set the base salary from a date")
            .WithDescription("Adds or corrects the base salary in force from an ISO date. Money already decided keeps its amounts.");
        table.MapPut("/forms/{form}", PutForm).WithSummary("Add or change an award form")
            .WithDescription("A form's name, granting level (ward, district, city), the one recipient kind a title is for (or none), validity dates and source. Decisions already signed keep their amounts.");
        table.MapPut("/forms/{form}/coefficients/{effectiveFrom}", PutCoefficient).WithSummary("Set a form's coefficient from a date")
            .WithDescription("Adds or corrects an award form's coefficient from an ISO date; a new form needs its name.");
        return app;
    }

    public static async Task<Ok<RewardTableView>> GetTable(RecognitionDbContext db)
    {
        var coefficients = (await db.FormCoefficients.AsNoTracking().ToListAsync()).ToLookup(c => c.FormCode);
        var forms = (await db.AwardForms.AsNoTracking().OrderBy(f => f.Code).ToListAsync())
            .OrderBy(f => Array.IndexOf(FormLevel.All, f.Level)).ThenBy(f => f.ValidFrom).ThenBy(f => f.Code)
            .Select(f => ToView(f, coefficients[f.Code])).ToList();
        var salaries = (await db.BaseSalaries.AsNoTracking().ToListAsync()).OrderBy(s => s.EffectiveFrom)
            .Select(s => new SalaryView(s.EffectiveFrom, s.Amount, s.Basis)).ToList();
        var multipliers = new[] { RecipientKind.Individual, RecipientKind.Household, RecipientKind.Collective }
            .ToDictionary(k => k, RewardTable.Multiplier);
        return TypedResults.Ok(new RewardTableView(salaries, forms, multipliers));
    }

    /// <summary>What a recipient of a form gets on a date, with the figures it comes from.</summary>
    public static async Task<Results<Ok<RewardQuote>, ProblemHttpResult>> Quote([AsParameters] QuoteQuery query, RecognitionDbContext db)
    {
        var form = query.Form?.Trim().ToLowerInvariant() ?? "";
        var recipient = query.Recipient?.Trim().ToLowerInvariant() is { Length: > 0 } r ? r : RecipientKind.Individual;
        var errors = new Dictionary<string, string[]>();
        var awardForm = await db.AwardForms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == form);
        if (awardForm is null)
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
        if (Refusal(awardForm!, on!.Value) is { } refused)
        {
            return refused;
        }
        var quote = RewardTable.Quote(awardForm!, on!.Value, recipient, await db.BaseSalaries.ToListAsync(), await db.FormCoefficients.ToListAsync());
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
        existingForm ??= db.AwardForms.Add(new AwardForm { Code = code, Name = name!, Level = FormLevel.Ward }).Entity;
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
        var view = ToView(existingForm, versions);
        return created ? TypedResults.Created($"/api/recognition/reward-table/forms/{code}/coefficients/{from:yyyy-MM-dd}", view) : TypedResults.Ok(view);
    }

    /// <summary>Adds a form or changes how it is granted; its coefficients are set on their own, by date.</summary>
    public static async Task<Results<Ok<FormView>, Created<FormView>, ProblemHttpResult>> PutForm(
        string form, FormRequest request, ClaimsPrincipal user, RecognitionDbContext db)
    {
        var code = form.Trim().ToLowerInvariant();
        var name = VietnameseText.Clean(request.Name) is { Length: > 0 } n ? n : null;
        var source = VietnameseText.Clean(request.Source) is { Length: > 0 } s ? s : null;
        var level = request.Level?.Trim().ToLowerInvariant() ?? "";
        var recipientKind = request.RecipientKind?.Trim().ToLowerInvariant() is { Length: > 0 } k ? k : null;
        var errors = new Dictionary<string, string[]>();
        if (!FormCode().IsMatch(code))
        {
            errors["form"] = ["A form code is 2 to 60 lower-case letters, digits or dashes, e.g. giay-khen-chu-tich-xa."];
        }
        if (name is null or { Length: > 200 })
        {
            errors["name"] = ["name has 1 to 200 characters, e.g. Giấy khen của Chủ tịch Ủy ban nhân dân phường."];
        }
        if (!FormLevel.All.Contains(level))
        {
            errors["level"] = [$"level is one of {string.Join(", ", FormLevel.All)}."];
        }
        if (recipientKind is not (null or RecipientKind.Individual or RecipientKind.Household or RecipientKind.Collective))
        {
            errors["recipientKind"] = ["recipientKind is individual, household or collective, or left out for a form any recipient gets."];
        }
        if (request.ValidFrom is { } from && request.ValidTo is { } to && to < from)
        {
            errors["validTo"] = ["validTo is on or after validFrom."];
        }
        if (source is { Length: > 300 })
        {
            errors["source"] = ["source has at most 300 characters."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var row = await db.AwardForms.FindAsync(code);
        var created = row is null;
        row ??= db.AwardForms.Add(new AwardForm { Code = code, Name = name! }).Entity;
        row.Name = name!;
        row.Level = level;
        row.RecipientKind = recipientKind;
        row.ValidFrom = request.ValidFrom;
        row.ValidTo = request.ValidTo;
        row.Source = source;
        db.Audit(Actor.Of(user), created ? "reward-table.form-added" : "reward-table.form-changed", "form", code,
            new { name, level, recipientKind, validFrom = request.ValidFrom, validTo = request.ValidTo, source });
        if (await RecognitionRoutes.TrySaveAsync(db) is { } conflict)
        {
            return conflict;
        }
        var view = ToView(row, await db.FormCoefficients.AsNoTracking().Where(c => c.FormCode == code).ToListAsync());
        return created ? TypedResults.Created($"/api/recognition/reward-table/forms/{code}", view) : TypedResults.Ok(view);
    }

    /// <summary>The refusal of a form chosen for a date outside its validity, or null when it may be chosen.</summary>
    public static ProblemHttpResult? Refusal(AwardForm form, DateOnly on) =>
        form.ValidTo is { } to && on > to
            ? Problems.Unprocessable("reward_form_expired", Messages.RewardFormExpired(form.Code, to, on),
                [new("form", form.Code), new("validTo", to)])
            : form.ValidFrom is { } from && on < from
                ? Problems.Unprocessable("reward_form_not_yet_valid", Messages.RewardFormNotYetValid(form.Code, from, on),
                    [new("form", form.Code), new("validFrom", from)])
                : null;

    private static FormView ToView(AwardForm f, IEnumerable<FormCoefficient> coefficients) =>
        new(f.Code, f.Name, f.Level, f.RecipientKind, f.ValidFrom, f.ValidTo, f.Source,
            coefficients.OrderBy(c => c.EffectiveFrom).Select(c => new CoefficientView(c.EffectiveFrom, c.Coefficient, c.Basis)).ToList());

    /// <summary>Only ISO dates: "1-7-2025" means 1 July to a Vietnamese reader and 7 January to a lenient parser.</summary>
    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static ProblemHttpResult InvalidEffectiveFrom() =>
        Problems.Validation("effectiveFrom", "effectiveFrom is the date the version takes effect (yyyy-MM-dd).");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex FormCode();
}
