namespace HoanKiem.Recognition.Models;

/// <summary>The level of government whose chairman grants a form.</summary>
public static class FormLevel
{
    public const string Ward = "ward";
    public const string District = "district";
    public const string City = "city";

    public static readonly string[] All = [Ward, District, City];
}

/// <summary>
/// An award form or title (hình thức khen thưởng, danh hiệu thi đua) whose money is a coefficient of the base salary.
/// A form is chosen only for decisions signed between <c>ValidFrom</c> and <c>ValidTo</c>: the district level's forms
/// ended when the district level did.
/// </summary>
public sealed class AwardForm
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Level { get; set; } = FormLevel.District;

    /// <summary>A title given to one kind of recipient only (a family, a collective); null for a certificate any recipient gets.</summary>
    public string? RecipientKind { get; set; }

    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>The law that creates the form and names who grants it.</summary>
    public string? Source { get; set; }

    public bool InForceOn(DateOnly on) => (ValidFrom is null || ValidFrom <= on) && (ValidTo is null || on <= ValidTo);
}

/// <summary>Versions of the table: each row is in force from <c>EffectiveFrom</c> until the next row's date.</summary>
public interface IVersioned
{
    DateOnly EffectiveFrom { get; }
}

/// <summary>The coefficient of a form, as a decree sets it.</summary>
public sealed class FormCoefficient : IVersioned
{
    public required string FormCode { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public decimal Coefficient { get; set; }
    public string? Basis { get; set; }
    public string? ChangedBy { get; set; }
}

/// <summary>The base salary (mức lương cơ sở) in VND.</summary>
public sealed class BaseSalary : IVersioned
{
    public DateOnly EffectiveFrom { get; set; }
    public long Amount { get; set; }
    public string? Basis { get; set; }
    public string? ChangedBy { get; set; }
}

/// <summary>The money that goes with a contest prize in a year; the organisers set it, no decree does.</summary>
public sealed class PrizeAmount
{
    public int Year { get; set; }
    public required string Prize { get; set; }
    public long Amount { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

public sealed record RewardQuote(string Form, DateOnly On, string RecipientKind, long BaseSalary, decimal Coefficient, decimal Multiplier, long Amount,
    string? SalaryBasis = null, string? CoefficientBasis = null);

/// <summary>Reward money as the decrees compute it: base salary × coefficient, rounded up to 10,000 VND (Decree 91/2017 Art. 68, kept by Decree 98/2023).</summary>
public static class RewardTable
{
    public const long RoundingStep = 10_000;
    public static readonly string[] Prizes = ["first", "second", "third", "encouragement"];

    /// <summary>A collective's certificate is twice an individual's, a household's one and a half times; a title's coefficient is already its recipient's.</summary>
    public static decimal Multiplier(string recipientKind) => recipientKind switch
    {
        RecipientKind.Collective => 2m,
        RecipientKind.Household => 1.5m,
        _ => 1m
    };

    public static T? InForce<T>(IEnumerable<T> versions, DateOnly on) where T : class, IVersioned =>
        versions.Where(v => v.EffectiveFrom <= on).MaxBy(v => v.EffectiveFrom);

    /// <summary>Rounded up, never down, so the recipient never gets less than the decree's figure.</summary>
    public static long RoundUp(decimal amount) => (long)(Math.Ceiling(amount / RoundingStep) * RoundingStep);

    /// <summary>The quote on <paramref name="on"/>, or null when the table has no base salary or coefficient in force that day.</summary>
    public static RewardQuote? Quote(AwardForm form, DateOnly on, string recipientKind, IEnumerable<BaseSalary> salaries, IEnumerable<FormCoefficient> coefficients)
    {
        var salary = InForce(salaries, on);
        var coefficient = InForce(coefficients.Where(c => c.FormCode == form.Code), on);
        if (salary is null || coefficient is null)
        {
            return null;
        }
        var multiplier = form.RecipientKind is null ? Multiplier(recipientKind) : 1m;
        return new RewardQuote(form.Code, on, recipientKind, salary.Amount, coefficient.Coefficient, multiplier,
            RoundUp(salary.Amount * coefficient.Coefficient * multiplier), salary.Basis, coefficient.Basis);
    }
}
