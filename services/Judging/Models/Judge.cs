using HoanKiem.ServiceDefaults.Security;

namespace HoanKiem.Judging.Models;

/// <summary>A panel member of one contest year; <c>UnitCode</c> is the unit the judge belongs to, if any (a conflict of interest).</summary>
public sealed class Judge
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string FullName { get; set; }
    public string? UnitCode { get; set; }
    public required string ClientId { get; set; }
    public required Credential Credential { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
