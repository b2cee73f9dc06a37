using HoanKiem.ServiceDefaults.Security;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

/// <summary>
/// Unit portals' and the secretariat staff's credentials, checked for the gateway when it issues a token; a deactivated
/// unit gets none.
/// </summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app) =>
        app.MapCredentialVerification<SubmissionDbContext>((db, clientId) => clientId.StartsWith(StaffMember.IdPrefix, StringComparison.Ordinal)
            ? db.Staff.AsNoTracking().Where(s => s.Id == clientId)
                .Select(s => new IssuedClient(s.Credential, new Caller(s.Id, Roles.Secretariat, null, null, s.FullName)))
                .SingleOrDefaultAsync()
            : db.Units.AsNoTracking().Where(u => u.ClientId == clientId && u.DeactivatedAt == null)
                .Select(u => new IssuedClient(u.Credential, new Caller(u.ClientId, Roles.Unit, u.Code, null, u.Name)))
                .SingleOrDefaultAsync());
}
