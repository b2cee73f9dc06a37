using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace HoanKiem.Gateway.Identity;

/// <summary>
/// Checks an account's secret where it is kept: the bootstrap secretariat's is the app host's parameter; a unit's or a
/// staff member's is checked by submission, a judge's by judging, so no credential lives in two places.
/// </summary>
public sealed class Accounts(IOptions<IssuerOptions> options, IHttpClientFactory clients)
{
    public const int MaxClientIdLength = 100;
    public const int MaxSecretLength = Credential.MaxSecretLength;
    private static readonly Caller Secretariat = new(Roles.Secretariat, Roles.Secretariat, null, null, "Ban Thư ký");

    /// <summary>The account, or null for an unknown id or a wrong secret; throws when the owning service does not answer.</summary>
    public async Task<Caller?> VerifyAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        if (clientId.Length is 0 or > MaxClientIdLength || secret.Length is 0 or > MaxSecretLength)
        {
            return null;
        }
        if (clientId == Roles.Secretariat)
        {
            return SecretHashing.EqualsConfigured(secret, options.Value.SecretariatSecret) ? Secretariat : null;
        }
        return Owner(clientId) is { } owner
            ? await AskAsync(owner, CredentialVerification.Route, new VerifyCredentialsRequest(clientId, secret), cancellationToken)
            : null;
    }

    /// <summary>
    /// The account as it is now, or null when its credential was disabled or replaced after <paramref name="signedInAt"/>:
    /// a signed-in session then gets no more tokens. The bootstrap secretariat's secret changes only with a restart.
    /// </summary>
    public async Task<Caller?> SessionAsync(string clientId, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        if (clientId == Roles.Secretariat)
        {
            return Secretariat;
        }
        return Owner(clientId) is { } owner
            ? await AskAsync(owner, CredentialVerification.SessionRoute, new CheckSessionRequest(clientId, signedInAt), cancellationToken)
            : null;
    }

    private static string? Owner(string clientId) =>
        clientId.StartsWith("unit-", StringComparison.Ordinal) || clientId.StartsWith("staff-", StringComparison.Ordinal) ? ResourceNames.Submission
        : clientId.StartsWith("judge-", StringComparison.Ordinal) ? ResourceNames.Judging
        : null;

    private async Task<Caller?> AskAsync<TRequest>(string owner, string route, TRequest request, CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(owner).PostAsJsonAsync(route, request, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Caller>(cancellationToken) : null;
    }

    /// <summary>The web app's own client secret (a client, not a person: it signs no one in).</summary>
    public bool IsWebClient(string? clientId, string? secret) =>
        clientId == IssuerOptions.WebClientId && secret is not null && SecretHashing.EqualsConfigured(secret, options.Value.WebClientSecret);
}
