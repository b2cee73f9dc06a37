using HoanKiem.ServiceDefaults.Security;

namespace HoanKiem.Submission.Models;

/// <summary>
/// A named person of the secretariat with an account of their own, so every decision names who made it; the id is
/// also the account's client id and its tokens' <c>sub</c>.
/// </summary>
public sealed class StaffMember
{
    public const string IdPrefix = "staff-";

    public required string Id { get; set; }
    public required string FullName { get; set; }
    public required string Position { get; set; }
    public required Credential Credential { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
