namespace HoanKiem.Reporting.Models;

/// <summary>
/// What reporting has heard about one entry: its acceptance and its withdrawal may arrive in either order,
/// so each is recorded on its own and the entry counts once both are known.
/// </summary>
public sealed class EntryFact
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Optimistic concurrency: two deliveries about the same entry cannot both apply a stale view of it.</summary>
    public int Version { get; set; }

    /// <summary>The entry's contribution to the monthly tallies in its present state.</summary>
    public IEnumerable<TallyChange> Contribution()
    {
        if (ReceivedAt is not { } received)
        {
            yield break;
        }
        var receivedMonth = ContestCalendar.MonthOf(received);
        yield return new TallyChange(Year, UnitCode, receivedMonth, Received: 1);
        if (WithdrawnAt is { } withdrawn)
        {
            var withdrawnMonth = ContestCalendar.MonthOf(withdrawn);
            yield return new TallyChange(Year, UnitCode, withdrawnMonth, Withdrawn: 1);
            if (withdrawnMonth == receivedMonth)
            {
                yield return new TallyChange(Year, UnitCode, receivedMonth, WithdrawnSameMonth: 1);
            }
        }
    }
}

/// <summary>An attempt refused at the door; <see cref="Code"/> is the contract's problem code (duplicate_entry or a rule).</summary>
public sealed class RefusalFact
{
    public const string DuplicateCode = "duplicate_entry";

    public Guid AttemptId { get; set; }
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public Guid? DuplicateOfEntryId { get; set; }

    public bool IsDuplicate => Code == DuplicateCode;

    public TallyChange Contribution() => IsDuplicate
        ? new TallyChange(Year, UnitCode, ContestCalendar.MonthOf(AttemptedAt), Duplicates: 1)
        : new TallyChange(Year, UnitCode, ContestCalendar.MonthOf(AttemptedAt), Refused: 1);
}
