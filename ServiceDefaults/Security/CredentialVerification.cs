using System.Security.Claims;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HoanKiem.ServiceDefaults.Security;

public sealed record VerifyCredentialsRequest(string? ClientId, string? ClientSecret);
public sealed record CheckSessionRequest(string? ClientId, DateTimeOffset? SignedInAt);

/// <summary>A client the service issued: its credential and who it acts as.</summary>
public sealed record IssuedClient(Credential Credential, Caller Caller);

/// <summary>
/// Lets the gateway check a client's credentials where they are kept, so no credential lives in two places: when it
/// issues a token for a secret, and when a signed-in session asks for more tokens (refused once the credential was
/// disabled or replaced after the sign-in). Internal: the gateway routes no public path here, and the answers reveal
/// nothing but whether the client may have a token.
/// </summary>
public static class CredentialVerification
{
    public const string Route = "/internal/credentials/verify";
    public const string SessionRoute = "/internal/credentials/session";

    public static IEndpointRouteBuilder MapCredentialVerification<TContext>(this IEndpointRouteBuilder app,
        Func<TContext, string, Task<IssuedClient?>> findClient) where TContext : ServiceDbContext
    {
        app.MapPost(Route, async Task<Results<Ok<Caller>, UnauthorizedHttpResult>> (VerifyCredentialsRequest request, TContext db) =>
        {
            var client = request.ClientId is { Length: > 0 } clientId ? await findClient(db, clientId) : null;
            return client is null || request.ClientSecret is null || !client.Credential.Accepts(request.ClientSecret)
                ? TypedResults.Unauthorized()
                : TypedResults.Ok(client.Caller);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SessionRoute, async Task<Results<Ok<Caller>, UnauthorizedHttpResult>> (CheckSessionRequest request, TContext db) =>
        {
            var client = request.ClientId is { Length: > 0 } clientId ? await findClient(db, clientId) : null;
            return client is null || request.SignedInAt is not { } signedInAt || !client.Credential.StillValidFor(signedInAt)
                ? TypedResults.Unauthorized()
                : TypedResults.Ok(client.Caller);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

public sealed record CredentialRequest(string? Passphrase);
public sealed record NewCredential(string ClientId, [property: ShownOnce] string? ClientSecret, DateTimeOffset ChangedAt);

/// <summary>
/// Replacing and disabling a credential, the same for a unit, a judge and a staff member: its owner replaces it with a
/// generated secret or a passphrase of its own; the secretariat resets it (a generated secret) or disables it. Each
/// change is audited with the person who made it.
/// </summary>
public static class CredentialChanges
{
    /// <summary>An answer that carries a secret is never kept by a cache.</summary>
    public static TBuilder WithSecretInAnswer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter((context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers.Pragma = "no-cache";
            return next(context);
        });
        return builder;
    }

    public static async Task<Results<Ok<NewCredential>, ProblemHttpResult>> ReplaceAsync(ServiceDbContext db, ClaimsPrincipal user,
        Credential credential, string clientId, string subjectType, string subjectId, CredentialRequest? request, bool byOwner,
        DateTimeOffset now, int? year = null)
    {
        var passphrase = request?.Passphrase;
        if (passphrase is not null && !byOwner)
        {
            return Problems.Validation("passphrase", "Only a credential's owner chooses a passphrase; a reset by the secretariat generates a secret.");
        }
        if (passphrase is not null && (passphrase.Length is < Credential.MinPassphraseLength or > Credential.MaxSecretLength
            || string.IsNullOrWhiteSpace(passphrase) || passphrase.Any(char.IsControl)))
        {
            return Problems.Validation("passphrase",
                $"A passphrase has {Credential.MinPassphraseLength} to {Credential.MaxSecretLength} characters, none of them control characters.");
        }
        var secret = credential.Replace(passphrase, now);
        db.Audit(Actor.Of(user), byOwner ? "credential.replaced" : "credential.reset", subjectType, subjectId,
            new { clientId, passphrase = passphrase is not null }, year);
        await db.SaveChangesAsync();
        return TypedResults.Ok(new NewCredential(clientId, secret, now));
    }

    public static async Task<NoContent> DisableAsync(ServiceDbContext db, ClaimsPrincipal user, Credential credential,
        string clientId, string subjectType, string subjectId, DateTimeOffset now, int? year = null)
    {
        if (credential.DisabledAt is null)
        {
            credential.Disable(now);
            db.Audit(Actor.Of(user), "credential.disabled", subjectType, subjectId, new { clientId }, year);
            await db.SaveChangesAsync();
        }
        return TypedResults.NoContent();
    }
}
