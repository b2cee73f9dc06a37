using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace HoanKiem.Web.Security;

/// <summary>
/// Keeps the access token in the session fresh: when it has less than a few minutes left, the refresh token buys a new
/// one from the gateway, so a page never calls the API with a token about to expire. A refused refresh (revoked,
/// expired, the account deactivated) ends the session, and the next page asks the person to sign in again.
/// </summary>
public sealed class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidcOptions, TimeProvider clock, ILogger<TokenRefresher> logger)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(3);

    public async Task RefreshIfDueAsync(CookieValidatePrincipalContext context)
    {
        if (!DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresAt)
            || clock.GetUtcNow() + Margin < expiresAt)
        {
            return;
        }
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        if (refreshToken is null || options.ConfigurationManager is null)
        {
            await RejectAsync(context);
            return;
        }
        var configuration = await options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
            ["refresh_token"] = refreshToken
        }), context.HttpContext.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("The gateway refused to refresh a session's token ({Status}); the person signs in again.", (int)response.StatusCode);
            await RejectAsync(context);
            return;
        }
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        var tokens = answer.RootElement;
        string? Read(string name) => tokens.TryGetProperty(name, out var value) ? value.ToString() : null;

        var expiresIn = int.Parse(Read("expires_in") ?? "0", CultureInfo.InvariantCulture);
        context.Properties.UpdateTokenValue("access_token", Read("access_token")!);
        // The gateway rolls refresh tokens: the new one replaces the spent one.
        context.Properties.UpdateTokenValue("refresh_token", Read("refresh_token") ?? refreshToken);
        if (Read("id_token") is { } idToken)
        {
            context.Properties.UpdateTokenValue("id_token", idToken);
        }
        context.Properties.UpdateTokenValue("expires_at", (clock.GetUtcNow() + TimeSpan.FromSeconds(expiresIn)).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
