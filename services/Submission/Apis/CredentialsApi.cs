using HoanKiem.ServiceDefaults.Security;
using HoanKiem.Submission.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record VerifyCredentialsRequest(string? ClientId, string? ClientSecret);

/// <summary>
/// Lets the gateway check a unit portal's credentials when it issues a token. Internal: the gateway routes
/// no public path here, and it reveals nothing but whether the pair is right.
/// </summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/internal/credentials/verify", VerifyCredentials).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<Caller>, UnauthorizedHttpResult>> VerifyCredentials(
        VerifyCredentialsRequest request, SubmissionDbContext db)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.ClientId == request.ClientId);
        if (unit is null || request.ClientSecret is null || !TokenAuthentication.SecretMatches(request.ClientSecret, unit.SecretHash))
        {
            return TypedResults.Unauthorized();
        }
        return TypedResults.Ok(new Caller(unit.ClientId, Roles.Unit, unit.Code, null));
    }
}
