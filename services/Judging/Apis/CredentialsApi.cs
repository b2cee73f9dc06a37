using HoanKiem.Judging.Data;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

/// <summary>Judges' credentials, checked for the gateway when it issues a token.</summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app) =>
        app.MapCredentialVerification<JudgingDbContext>(async (db, clientId) =>
            await db.Judges.AsNoTracking().SingleOrDefaultAsync(j => j.ClientId == clientId) is { } judge
                ? new IssuedClient(judge.Credential, new Caller(judge.ClientId, Roles.Judge, judge.UnitCode, judge.Id.ToString(), judge.FullName))
                : null);
}
