using System.Security.Claims;
using HoanKiem.ServiceDefaults.Security;

namespace HoanKiem.ServiceDefaults.Audit;

/// <summary>
/// One write that touched a person or money: who made it (the token's <c>sub</c> and <c>name</c>), when, what, to whom,
/// and the values it changed (JSON). Kept in the service's own database, saved with the change itself.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorId { get; set; }
    public string? ActorName { get; set; }
    public required string Action { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public int? Year { get; set; }
    public required string Changes { get; set; }
}

/// <summary>Who made a change: a person's or portal's account (from its token), or a service acting on a message.</summary>
public sealed record Actor(string Id, string? Name)
{
    public const int MaxIdLength = 100;
    public const int MaxNameLength = 200;

    public static Actor Of(ClaimsPrincipal user)
    {
        var caller = user.Caller();
        return new Actor(caller.ClientId, caller.Name);
    }
}
