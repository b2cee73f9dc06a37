using HoanKiem.ServiceDefaults.Security;
using HoanKiem.Submission.Data;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

/// <summary>Unit portals' credentials, checked for the gateway when it issues a token; a deactivated unit gets none.</summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app) =>
        app.MapCredentialVerification<SubmissionDbContext>((db, clientId) => db.Units.AsNoTracking()
            .Where(u => u.ClientId == clientId && u.DeactivatedAt == null)
            .Select(u => new IssuedClient(u.SecretHash, new Caller(u.ClientId, Roles.Unit, u.Code, null)))
            .SingleOrDefaultAsync());
}
