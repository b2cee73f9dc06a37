namespace HoanKiem.Contracts;

/// <summary>A nominee was appraised and verified (thẩm định, xác minh) or rejected.</summary>
public sealed record NomineeAppraised(Guid NomineeId, int Year, string Outcome, DateTimeOffset AppraisedAt);

/// <summary>A commendation decision was signed: its recipients are verified nominees or units.</summary>
public sealed record CommendationDecided(
    int Year,
    string Number,
    DateOnly SignedOn,
    string Form,
    IReadOnlyList<Guid> NomineeIds,
    IReadOnlyList<string> UnitCodes,
    long AmountPerRecipient,
    long TotalAmount);

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
    DateTimeOffset ChangedAt);
