namespace HoanKiem.Contracts;

/// <summary>A nominee was appraised and verified (thẩm định, xác minh) or rejected.</summary>
public sealed record NomineeAppraised(Guid NomineeId, int Year, string Outcome, DateTimeOffset AppraisedAt);

/// <summary>
/// A commendation decision was signed: its recipients are verified nominees or units. A signed decision is a public
/// document, so the people it commends travel by name, for the year-end report to name them.
/// </summary>
public sealed record CommendationDecided(
    int Year,
    string Number,
    DateOnly SignedOn,
    string Form,
    IReadOnlyList<CommendedNominee> Nominees,
    IReadOnlyList<string> UnitCodes,
    long AmountPerRecipient,
    long TotalAmount);

/// <summary>A person a decision commends, with the unit that introduced them.</summary>
public sealed record CommendedNominee(Guid NomineeId, string FullName, string UnitCode);

/// <summary>One of the movement's own titles was recorded from a paper decision (a residential group, a family, a collective, a person).</summary>
public sealed record MovementTitleRecorded(
    Guid Id,
    int Year,
    string Category,
    string Name,
    string? UnitCode,
    long Amount,
    string DecisionNumber);

/// <summary>
/// The year's recognition figures after a change. <c>Version</c> grows with every change of the year, so a reader
/// keeps the highest version it has seen, whatever order the events arrive in.
/// </summary>
public sealed record RecognitionTotalsChanged(
    int Year,
    long Version,
    int NomineesIntroduced,
    int Verified,
    int Rejected,
    int Commended,
    int UnitsCommended,
    long TotalAmount,
    DateTimeOffset ChangedAt,
    int CommendedByCity);
