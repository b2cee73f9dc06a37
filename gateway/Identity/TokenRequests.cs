using System.Globalization;
using System.Security.Claims;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HoanKiem.Gateway.Identity;

/// <summary>
/// Client authentication at the token endpoint. Portals and scripts use client credentials (form or HTTP Basic, as
/// OpenIddict reads either), checked where the secret is kept; the web app redeems codes and refresh tokens with its
/// own secret. Failures are throttled per client id and per address.
/// </summary>
public sealed class TokenRequests(Accounts accounts, SignInThrottle throttle, ILogger<TokenRequests> logger) :
    IOpenIddictServerHandler<ValidateTokenRequestContext>, IOpenIddictServerHandler<HandleTokenRequestContext>
{
    private const string CallerProperty = ".hoankiem.caller";

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var clientId = context.Request.ClientId ?? "";
        var secret = context.Request.ClientSecret ?? "";
        if (clientId.Length > Accounts.MaxClientIdLength || secret.Length > Accounts.MaxSecretLength)
        {
            context.Reject(Errors.InvalidRequest, $"client_id is at most {Accounts.MaxClientIdLength} characters and client_secret at most {Accounts.MaxSecretLength}.");
            return;
        }
        var http = context.Transaction.GetHttpRequest()!.HttpContext;
        var address = http.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(clientId, address) is { } wait)
        {
            throttle.Failed("token", SignInThrottle.Throttled, clientId, address);
            await RefuseAsync(context, http, StatusCodes.Status429TooManyRequests, Errors.SlowDown, wait,
                "Too many failed attempts for this client or from this address; try again later.");
            return;
        }

        bool known;
        if (context.Request.IsClientCredentialsGrantType())
        {
            Caller? caller;
            try
            {
                caller = await accounts.VerifyAsync(clientId, secret, http.RequestAborted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The credentials of client {ClientId} could not be checked", clientId);
                await RefuseAsync(context, http, StatusCodes.Status503ServiceUnavailable, Errors.TemporarilyUnavailable, TimeSpan.FromSeconds(5),
                    "The service that keeps this client's credentials does not answer; try again in a moment.");
                return;
            }
            known = caller is not null;
            if (caller is not null)
            {
                context.Transaction.Properties[CallerProperty] = caller;
            }
        }
        else
        {
            known = accounts.IsWebClient(clientId, secret);
        }
        if (!known)
        {
            throttle.Failed("token", SignInThrottle.WrongCredentials, clientId, address);
            context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
        }
        else if (context.Request.IsClientCredentialsGrantType() == (clientId == IssuerOptions.WebClientId))
        {
            context.Reject(Errors.UnauthorizedClient, "This client may not use this grant type.");
        }
    }

    /// <summary>
    /// Client credentials sign the caller in. Codes and refresh tokens carry the person OpenIddict already validated,
    /// as long as their credential is neither disabled nor replaced since they signed in.
    /// </summary>
    public async ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (context.Request.IsClientCredentialsGrantType() && context.Transaction.Properties.TryGetValue(CallerProperty, out var caller))
        {
            context.SignIn(Principal((Caller)caller!, context.Request.GetScopes(), DateTimeOffset.UtcNow));
            return;
        }
        if ((context.RefreshTokenPrincipal ?? context.AuthorizationCodePrincipal) is not { } session)
        {
            return;
        }
        var http = context.Transaction.GetHttpRequest()!.HttpContext;
        Caller? current;
        try
        {
            current = SignedInAt(session) is { } signedInAt
                ? await accounts.SessionAsync(session.Caller().ClientId, signedInAt, http.RequestAborted)
                : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The session of client {ClientId} could not be checked", session.Caller().ClientId);
            current = null;
        }
        if (current is null)
        {
            context.Reject(Errors.InvalidGrant, "This account's credential was disabled or replaced since signing in (or could not be checked); sign in again.");
        }
    }

    /// <summary>
    /// The token's subject: today's claims (<see cref="TokenClaims"/>), for the API audience, in both tokens; the sign-in
    /// time goes in the identity token and stays in codes and refresh tokens, where each use is checked against it.
    /// </summary>
    public static ClaimsPrincipal Principal(Caller caller, IEnumerable<string> scopes, DateTimeOffset signedInAt)
    {
        var identity = new ClaimsIdentity(TokenClaims.For(caller), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, TokenClaims.Name, TokenClaims.Role);
        identity.AddClaim(SignedInAtClaim(signedInAt));
        identity.SetScopes(scopes);
        identity.SetResources("hoankiem-api");
        identity.SetDestinations(claim => claim.Type == Claims.AuthenticationTime
            ? [Destinations.IdentityToken]
            : [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    public static Claim SignedInAtClaim(DateTimeOffset signedInAt) =>
        new(Claims.AuthenticationTime, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(Claims.AuthenticationTime)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>A refusal OpenIddict has no status for: an RFC 6749 error body, Retry-After, and nothing cached.</summary>
    private static async Task RefuseAsync(ValidateTokenRequestContext context, HttpContext http, int status, string error, TimeSpan retryAfter, string description)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        await http.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description });
        context.HandleRequest();
    }
}

/// <summary>The web app is the only client that sends people here, and only back to its own addresses.</summary>
public sealed class WebClientRequests(IOptions<TokenOptions> tokens) :
    IOpenIddictServerHandler<ValidateAuthorizationRequestContext>, IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (context.ClientId != IssuerOptions.WebClientId)
        {
            context.Reject(Errors.InvalidClient, "Unknown client.");
        }
        else if (context.RedirectUri != Address("signin-oidc"))
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri is not the web app's.");
        }
        return default;
    }

    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        if (context.PostLogoutRedirectUri is { } uri && uri != Address("signout-callback-oidc"))
        {
            context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not the web app's.");
        }
        return default;
    }

    private string Address(string path) => new Uri(tokens.Value.IssuerUri(), path).AbsoluteUri;
}
