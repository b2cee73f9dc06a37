namespace HoanKiem.Recognition.Models;

/// <summary>One write that touched a person or a recipient: who, when, what, and the values it changed (JSON).</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public int Year { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public required string Changes { get; set; }
}
