namespace HoanKiem.Recognition.Models;

public static class RecipientKind
{
    public const string Individual = "individual";
    public const string Household = "household";
    public const string Collective = "collective";
}

public static class AmountSource
{
    public const string Table = "table";
    public const string Override = "override";
}

/// <summary>A signed commendation decision (quyết định khen thưởng).</summary>
public sealed class Decision
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string Number { get; set; }
    public DateOnly SignedOn { get; set; }
    public required string Form { get; set; }
    public required string AmountSource { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public List<DecisionRecipient> Recipients { get; set; } = [];

    /// <summary>Who signed, as the certificates print it; the district chairman's when not given.</summary>
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }
    public string? Issuer { get; set; }

    /// <summary>What the recipients are commended for, as the certificates print it.</summary>
    public string? Achievement { get; set; }

    /// <summary>The decision that commends each nominee (as an individual) and unit (as a collective) with the same amount.</summary>
    public static Decision Sign(int year, string number, DateOnly signedOn, string form, string amountSource, long amount,
        IReadOnlyList<Nominee> nominees, IReadOnlyList<Unit> units, string? decidedBy, DateTimeOffset decidedAt)
    {
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Number = number,
            SignedOn = signedOn,
            Form = form,
            AmountSource = amountSource,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt
        };
        foreach (var nominee in nominees)
        {
            decision.Recipients.Add(new DecisionRecipient
            {
                Year = year, RecipientKey = DecisionRecipient.KeyOf(nominee.Id), NomineeId = nominee.Id,
                Name = nominee.FullName, Kind = RecipientKind.Individual, Amount = amount
            });
            nominee.Status = NomineeStatus.Commended;
            nominee.Revision++;
        }
        foreach (var unit in units)
        {
            decision.Recipients.Add(new DecisionRecipient
            {
                Year = year, RecipientKey = DecisionRecipient.KeyOf(unit.Code), UnitCode = unit.Code,
                Name = unit.Name, Kind = RecipientKind.Collective, Amount = amount
            });
        }
        return decision;
    }
}

/// <summary>
/// One nominee or unit named in a decision. <c>RecipientKey</c> ("nominee:…" or "unit:…") is unique per year,
/// so nobody is commended twice in a year even when two decisions race.
/// </summary>
public sealed class DecisionRecipient
{
    public long Id { get; set; }
    public Guid DecisionId { get; set; }
    public int Year { get; set; }
    public required string RecipientKey { get; set; }
    public Guid? NomineeId { get; set; }
    public string? UnitCode { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public long Amount { get; set; }

    public static string KeyOf(Guid nomineeId) => $"nominee:{nomineeId}";
    public static string KeyOf(string unitCode) => $"unit:{unitCode}";
}
