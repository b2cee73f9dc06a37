using HoanKiem.Gateway.Identity;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace HoanKiem.Gateway.Apis;

/// <summary>
/// The authorization code flow's two pages at the issuer: authorize (a signed-in person gets a code for the web app,
/// anyone else goes to the sign-in page first) and end-session. OpenIddict has validated the request before either runs.
/// </summary>
public static class AuthorizationApi
{
    public static IEndpointRouteBuilder MapAuthorizationApi(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        connect.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], EndSession);
        return app;
    }

    public static async Task<IResult> Authorize(HttpRequest http, Accounts accounts)
    {
        var context = http.HttpContext;
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not validate this authorization request.");
        var account = await context.AuthenticateAsync(IssuerExtensions.AccountScheme);
        var signedInAt = account.Succeeded ? TokenRequests.SignedInAt(account.Principal!) : null;
        // A sign-in whose credential was since disabled or replaced is over: the person signs in again.
        var current = signedInAt is { } at ? await CurrentAsync(accounts, account.Principal!.Caller().ClientId, at, context.RequestAborted) : null;
        if (current is null || request.HasPromptValue(OpenIddictConstants.PromptValues.Login))
        {
            // Back here once signed in, with the same parameters (a form_post request's too).
            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            parameters.RemoveAll(parameter => parameter.Key == OpenIddictConstants.Parameters.Prompt);
            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IssuerExtensions.AccountScheme]);
        }
        var principal = TokenRequests.Principal(account.Principal!.Caller(), request.GetScopes(), signedInAt!.Value);
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<Caller?> CurrentAsync(Accounts accounts, string clientId, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        try
        {
            return await accounts.SessionAsync(clientId, signedInAt, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static async Task<IResult> EndSession(HttpRequest http)
    {
        var context = http.HttpContext;
        await context.SignOutAsync(IssuerExtensions.AccountScheme);
        // OpenIddict sends the browser on to the web app's post-logout address when the request names it.
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
