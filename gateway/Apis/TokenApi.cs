using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HoanKiem.Gateway.Apis;

public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// OAuth 2.0 client credentials. The secretariat's secret is the app host's parameter; a unit's or a judge's is
/// checked by the service that issued it (submission or judging), so no credential lives in two places.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueToken).AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(GatewayExtensions.PerClientRateLimit).WithTags("Authentication");
        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        HttpRequest request, IOptions<GatewayOptions> options, TokenIssuer issuer, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return OAuthProblem(StatusCodes.Status400BadRequest, "invalid_request", "Send application/x-www-form-urlencoded with grant_type, client_id and client_secret.");
        }
        var form = await request.ReadFormAsync(cancellationToken);
        if (form["grant_type"] != "client_credentials")
        {
            return OAuthProblem(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }
        var clientId = form["client_id"].ToString();
        var clientSecret = form["client_secret"].ToString();
        if (clientId.Length is 0 or > 100 || clientSecret.Length is 0 or > 200)
        {
            return OAuthProblem(StatusCodes.Status400BadRequest, "invalid_request", "client_id and client_secret are required.");
        }

        Caller? caller;
        try
        {
            caller = await VerifyAsync(clientId, clientSecret, options.Value, clients, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "credentials_unavailable", "Try again shortly",
                "The service that keeps this client's credentials does not answer; try again in a moment.");
        }
        if (caller is null)
        {
            return OAuthProblem(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client or wrong secret.");
        }
        var (token, expiresIn) = issuer.Issue(caller);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }

    private static async Task<Caller?> VerifyAsync(string clientId, string secret, GatewayOptions options, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (clientId == Roles.Secretariat)
        {
            return options.SecretariatSecret.Length > 0
                && TokenAuthentication.SecretMatches(secret, TokenAuthentication.HashSecret(options.SecretariatSecret))
                ? new Caller(Roles.Secretariat, Roles.Secretariat, null, null)
                : null;
        }
        var owner = clientId.StartsWith("unit-", StringComparison.Ordinal) ? ResourceNames.Submission
            : clientId.StartsWith("judge-", StringComparison.Ordinal) ? ResourceNames.Judging
            : null;
        if (owner is null)
        {
            return null;
        }
        using var response = await clients.CreateClient(owner)
            .PostAsJsonAsync(CredentialVerification.Route, new VerifyCredentialsRequest(clientId, secret), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Caller>(cancellationToken) : null;
    }

    private static ProblemHttpResult OAuthProblem(int status, string error, string detail) =>
        Problems.Create(status, error, status == 401 ? "Authentication failed" : "Invalid token request", detail, [new("error", error)]);
}
