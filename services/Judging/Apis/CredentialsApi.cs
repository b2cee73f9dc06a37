using HoanKiem.Judging.Data;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record VerifyCredentialsRequest(string? ClientId, string? ClientSecret);

/// <summary>
/// Lets the gateway check a judge's credentials when it issues a token. Internal: the gateway routes
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
        VerifyCredentialsRequest request, JudgingDbContext db)
    {
        var judge = await db.Judges.AsNoTracking().SingleOrDefaultAsync(j => j.ClientId == request.ClientId);
        if (judge is null || request.ClientSecret is null || !TokenAuthentication.SecretMatches(request.ClientSecret, judge.SecretHash))
        {
            return TypedResults.Unauthorized();
        }
        return TypedResults.Ok(new Caller(judge.ClientId, Roles.Judge, judge.UnitCode, judge.Id.ToString()));
    }
}
