using HoanKiem.ServiceDefaults.Security;

namespace HoanKiem.Submission.Models;

public sealed class Unit
{
    public static readonly string[] Kinds = ["ward", "department", "school", "association", "enterprise", "other"];

    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string ClientId { get; set; }
    public required Credential Credential { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Set while the unit is deactivated: it cannot get a token or submit, and everything it sent stays.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool Active => DeactivatedAt is null;
}
