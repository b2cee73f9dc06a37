namespace HoanKiem.Web.Api;

public sealed record ForwardingBatchSummary(Guid Id, string Label, DateTimeOffset CreatedAt, string CreatedBy, int Entries);
public sealed record ForwardedEntry(Guid Id, string UnitCode, string Title, string NomineeFullName, string NomineeWard, string Status);
public sealed record ForwardingBatch(Guid Id, string Label, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<ForwardedEntry> Entries);
