namespace HoanKiem.Web.Api;

public sealed record Reassignment(int Left, int Reassigned, int EvenedOut, IReadOnlyList<Guid> EntriesShort, int MinPerJudge, int MaxPerJudge);
public sealed record JudgeRemoval(Guid JudgeId, bool KeptScores, int ScoresKept, int ScoresDropped, Reassignment Work);
public sealed record JudgeReplacement(JudgeCredentials Replacement, JudgeRemoval Removal);
public sealed record JudgeConflict(Guid Id, Guid JudgeId, string? UnitCode, Guid? EntryId, string Reason, string DeclaredBy, DateTimeOffset RecordedAt);
public sealed record RecordedConflict(JudgeConflict Conflict, Reassignment Work);
public sealed record ReopenedResults(int Year, DateTimeOffset FinalizedAt, DateTimeOffset ReopenedAt, string Reason);
public sealed record DeclaredConflict(Guid EntryId, string Reason, DateTimeOffset DeclaredAt);
