using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace HoanKiem.Gateway.Identity;

/// <summary>
/// Checks an account's secret where it is kept: the secretariat's is the app host's parameter, a unit's or a judge's
/// is checked by the service that issued it (submission or judging), so no credential lives in two places.
/// </summary>
public sealed class Accounts(IOptions<IssuerOptions> options, IHttpClientFactory clients)
{
    public const int MaxClientIdLength = 100;
    public const int MaxSecretLength = 200;

    /// <summary>The account, or null for an unknown id or a wrong secret; throws when the owning service does not answer.</summary>
    public async Task<Caller?> VerifyAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        if (clientId.Length is 0 or > MaxClientIdLength || secret.Length is 0 or > MaxSecretLength)
        {
            return null;
        }
        if (clientId == Roles.Secretariat)
        {
            return Matches(secret, options.Value.SecretariatSecret)
                ? new Caller(Roles.Secretariat, Roles.Secretariat, null, null, "Ban Thư ký")
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

    /// <summary>The web app's own client secret (a client, not a person: it signs no one in).</summary>
    public bool IsWebClient(string? clientId, string? secret) =>
        clientId == IssuerOptions.WebClientId && secret is not null && Matches(secret, options.Value.WebClientSecret);

    private static bool Matches(string secret, string expected) =>
        expected.Length > 0 && TokenAuthentication.SecretMatches(secret, TokenAuthentication.HashSecret(expected));
}
