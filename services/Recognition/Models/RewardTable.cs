namespace HoanKiem.Recognition.Models;

/// <summary>An award form (hình thức khen thưởng) whose money is a coefficient of the base salary.</summary>
public sealed class AwardForm
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>Versions of the table: each row is in force from <c>EffectiveFrom</c> until the next row's date.</summary>
public interface IVersioned
{
    DateOnly EffectiveFrom { get; }
}

/// <summary>The coefficient of an individual's reward for a form, as a decree sets it.</summary>
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

/// <summary>The money that goes with a contest prize; the organisers set it, no decree does.</summary>
public sealed class PrizeAmount : IVersioned
{
    public required string Prize { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public long Amount { get; set; }
    public string? ChangedBy { get; set; }
}

public sealed record RewardQuote(string Form, DateOnly On, string RecipientKind, long BaseSalary, decimal Coefficient, decimal Multiplier, long Amount);

/// <summary>Reward money as Decree 98/2023 Art. 54 computes it: base salary × coefficient, rounded up to 10,000 VND.</summary>
public static class RewardTable
{
    public const long RoundingStep = 10_000;
    public static readonly string[] Prizes = ["first", "second", "third", "encouragement"];

    /// <summary>A collective's reward is twice an individual's, a household's one and a half times.</summary>
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
    public static RewardQuote? Quote(string form, DateOnly on, string recipientKind, IEnumerable<BaseSalary> salaries, IEnumerable<FormCoefficient> coefficients)
    {
        var salary = InForce(salaries, on);
        var coefficient = InForce(coefficients.Where(c => c.FormCode == form), on);
        if (salary is null || coefficient is null)
        {
            return null;
        }
        var multiplier = Multiplier(recipientKind);
        return new RewardQuote(form, on, recipientKind, salary.Amount, coefficient.Coefficient, multiplier,
            RoundUp(salary.Amount * coefficient.Coefficient * multiplier));
    }
}
