using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HoanKiem.ServiceDefaults.Security;

/// <summary>
/// A client's secret as the service that issued it keeps it: only the hash, when it last changed, and whether it is
/// disabled. A disabled credential, or one changed after a sign-in, gets no new token (see <see cref="CredentialVerification"/>).
/// </summary>
public sealed class Credential
{
    public const int MinPassphraseLength = 12;
    public const int MaxSecretLength = 200;

    public required string SecretHash { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>A new credential with a generated secret, returned to be shown once.</summary>
    public static (Credential Credential, string Secret) Issue(DateTimeOffset now)
    {
        var secret = SecretHashing.NewSecret();
        return (new Credential { SecretHash = SecretHashing.Hash(secret), ChangedAt = now }, secret);
    }

    /// <summary>Replaces the secret with a generated one (returned) or the owner's passphrase, and enables the credential.</summary>
    public string? Replace(string? passphrase, DateTimeOffset now)
    {
        var secret = passphrase ?? SecretHashing.NewSecret();
        SecretHash = SecretHashing.Hash(secret);
        ChangedAt = now;
        DisabledAt = null;
        return passphrase is null ? secret : null;
    }

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    public bool Accepts(string secret) => DisabledAt is null && SecretHashing.Matches(secret, SecretHash);

    /// <summary>Whether a session signed in at <paramref name="signedInAt"/> may still get tokens.</summary>
    /// <remarks>A sign-in time is kept in whole seconds (OpenID's auth_time), so the change is compared in seconds too.</remarks>
    public bool StillValidFor(DateTimeOffset signedInAt) =>
        DisabledAt is null && ChangedAt.ToUnixTimeSeconds() <= signedInAt.ToUnixTimeSeconds();
}

/// <summary>
/// The one way a secret is kept: PBKDF2-HMAC-SHA256 with a random salt, slow enough that a stolen database does not
/// give up an owner's chosen passphrase; the stored form names its parameters, so they can grow later.
/// </summary>
public static class SecretHashing
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Bytes(secret), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Compares in fixed time, so timing does not leak how much of a guess was right.</summary>
    public static bool Matches(string secret, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations < 1)
        {
            return false;
        }
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Bytes(secret), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A passphrase typed with Vietnamese letters matches however the keyboard composed them.</summary>
    private static byte[] Bytes(string secret) => Encoding.UTF8.GetBytes(secret.Normalize(NormalizationForm.FormC));

    /// <summary>A secret given in configuration (no stored hash): compared in fixed time, whatever the lengths.</summary>
    public static bool EqualsConfigured(string secret, string configured) =>
        configured.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
