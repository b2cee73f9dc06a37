namespace HoanKiem.Web.Api;

public sealed record PrizeMoney(string Prize, long Amount, bool Set, int Awarded, string? ChangedBy, DateTimeOffset? ChangedAt);
public sealed record Award(Guid EntryId, int Rank, string Prize, string Title, string UnitCode, long Amount, bool ForwardedToCity, Guid? NomineeId);

public sealed record DecisionPart(string Kind, int Count, long AmountEach, long Subtotal, long? BaseSalary, decimal? Coefficient, decimal? Multiplier,
    string? SalaryBasis, string? CoefficientBasis);
public sealed record DecisionPreview(int Year, string Number, DateOnly SignedOn, string Form, string? FormName, string? Level, string AmountSource,
    IReadOnlyList<DecisionPart> Parts, IReadOnlyList<DecisionRecipient> Recipients, long TotalAmount);
public sealed record DecisionRecord(Guid Id, int Year, string Number, DateOnly SignedOn, string Form, string AmountSource, long? AmountPerRecipient,
    long TotalAmount, IReadOnlyList<DecisionRecipient> Recipients, string DecidedBy, DateTimeOffset DecidedAt,
    string Issuer, string SignerTitle, string? SignerName, string Achievement);
