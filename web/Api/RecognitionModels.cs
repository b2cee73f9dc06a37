namespace HoanKiem.Web.Api;

public sealed record NomineeRecord(Guid Id, Guid EntryId, IReadOnlyList<Guid> EntryIds, string UnitCode, string FullName, string Ward, string Field,
    string Status, string? AppraisalNote, string? AppraisedBy, DateTimeOffset? AppraisedAt);

public sealed record ProposedUnit(string UnitCode, string UnitName, int Quota, int Accepted, int Excess, string? CommendedBy);

public sealed record DecisionDraft(string? Number, DateOnly? SignedOn, string? Form, IReadOnlyList<Guid> NomineeIds, IReadOnlyList<string> UnitCodes,
    long? AmountPerRecipient, string? SignerName = null, string? Achievement = null);
public sealed record DecisionRecipient(string Kind, Guid? NomineeId, string? UnitCode, string Name, long Amount);
public sealed record Decision(Guid Id, int Year, string Number, DateOnly SignedOn, string Form, string AmountSource, long? AmountPerRecipient,
    long TotalAmount, IReadOnlyList<DecisionRecipient> Recipients, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record NewCommendation(string? Category, string? Name, string? UnitCode, string? Field, long? Amount, string? DecisionNumber,
    string? Form, DateOnly? SignedOn);
public sealed record Commendation(Guid Id, int Year, string Category, string Name, string? UnitCode, string Field, long Amount, string AmountSource,
    string DecisionNumber, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record SalaryVersion(DateOnly EffectiveFrom, long Amount, string? Basis);
public sealed record CoefficientVersion(DateOnly EffectiveFrom, decimal Coefficient, string? Basis);
public sealed record AwardForm(string Code, string Name, string Level, string? RecipientKind, DateOnly? ValidFrom, DateOnly? ValidTo, string? Source,
    IReadOnlyList<CoefficientVersion> Coefficients)
{
    public bool InForceOn(DateOnly on) => (ValidFrom is null || ValidFrom <= on) && (ValidTo is null || on <= ValidTo);
}
public sealed record RewardTable(IReadOnlyList<SalaryVersion> BaseSalaries, IReadOnlyList<AwardForm> Forms, IReadOnlyDictionary<string, decimal> Multipliers);
public sealed record RewardQuote(string Form, DateOnly On, string RecipientKind, long BaseSalary, decimal Coefficient, decimal Multiplier, long Amount,
    string? SalaryBasis, string? CoefficientBasis);

public sealed record CategoryTotal(int Count, long Amount);
public sealed record RecognitionSummary(int NomineesIntroduced, int Verified, int Rejected, int Commended, int UnitsCommended,
    IReadOnlyDictionary<string, CategoryTotal> ByCategory, long TotalAmount);
