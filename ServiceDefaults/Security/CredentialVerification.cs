using HoanKiem.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HoanKiem.ServiceDefaults.Security;

public sealed record VerifyCredentialsRequest(string? ClientId, string? ClientSecret);

/// <summary>A client the service issued: the hash of its secret and who it acts as.</summary>
public sealed record IssuedClient(string SecretHash, Caller Caller);

/// <summary>
/// Lets the gateway check a portal's credentials when it issues a token, at the service that issued them, so no
/// credential lives in two places. Internal: the gateway routes no public path here, and the answer reveals nothing
/// but whether the pair is right.
/// </summary>
public static class CredentialVerification
{
    public const string Route = "/internal/credentials/verify";

    public static IEndpointRouteBuilder MapCredentialVerification<TContext>(this IEndpointRouteBuilder app,
        Func<TContext, string, Task<IssuedClient?>> findClient) where TContext : ServiceDbContext
    {
        app.MapPost(Route, async Task<Results<Ok<Caller>, UnauthorizedHttpResult>> (VerifyCredentialsRequest request, TContext db) =>
        {
            var client = request.ClientId is { Length: > 0 } clientId ? await findClient(db, clientId) : null;
            return client is null || request.ClientSecret is null || !TokenAuthentication.SecretMatches(request.ClientSecret, client.SecretHash)
                ? TypedResults.Unauthorized()
                : TypedResults.Ok(client.Caller);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
