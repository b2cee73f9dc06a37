using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HoanKiem.Gateway.Identity;

/// <summary>
/// The gateway's own keys, one self-signed certificate per key in a folder only it reads, so tokens survive a restart.
/// A key serves for the rotation period; its successor is made <see cref="Lead"/> before that, valid only from the
/// moment the key's period ends, so every replica (each loads the folder again every <see cref="KeyRefresh.Interval"/>)
/// and every service publishes it before any replica uses it. OpenIddict uses the valid certificate that expires last;
/// an older key stays (published, still able to validate) until the longest-lived token it signed has expired.
/// </summary>
public sealed class KeyRing(string directory, TimeProvider clock, TimeSpan rotation, TimeSpan retention)
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    /// <summary>How long before a key's period ends its successor is made and published.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromDays(1);

    /// <summary>The purpose's certificates, newest first, after making a new one if due and deleting the expired.</summary>
    public IReadOnlyList<X509Certificate2> Load(string purpose)
    {
        Directory.CreateDirectory(directory);
        // Replicas starting together share the folder: one at a time reads it and makes a missing key, so the next finds
        // that key and every replica signs with the same one.
        using var exclusive = Lock();
        var now = clock.GetUtcNow();
        var keys = new List<X509Certificate2>();
        foreach (var path in Directory.EnumerateFiles(directory, $"{purpose}-*.pfx"))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet);
            if (certificate.NotAfter.ToUniversalTime() <= now.UtcDateTime)
            {
                certificate.Dispose();
                File.Delete(path);
                continue;
            }
            keys.Add(certificate);
        }
        keys.Sort((left, right) => right.NotBefore.CompareTo(left.NotBefore));
        if (keys.Count == 0)
        {
            keys.Insert(0, Create(purpose, now));
            return keys;
        }
        var due = new DateTimeOffset(keys[0].NotBefore.ToUniversalTime()) + rotation;
        var lead = rotation / 2 < Lead ? rotation / 2 : Lead;
        if (due - lead <= now)
        {
            // Made late (every gateway was stopped through the lead time), the successor is valid at once.
            keys.Insert(0, Create(purpose, due > now ? due : now));
        }
        return keys;
    }

    /// <summary>An exclusive lock on a file in the folder (flock on Linux), held by one process at a time.</summary>
    private FileStream Lock()
    {
        var path = Path.Combine(directory, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(50);
            }
        }
    }

    private X509Certificate2 Create(string purpose, DateTimeOffset validFrom)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=HoanKiem gateway {purpose} key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            purpose == Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        // Whole seconds: the file name and the certificate then name the same instant.
        var notBefore = DateTimeOffset.FromUnixTimeSeconds(validFrom.ToUnixTimeSeconds());
        using var created = request.CreateSelfSigned(notBefore, notBefore + rotation + retention);
        var path = Path.Combine(directory, $"{purpose}-{notBefore:yyyyMMddTHHmmssZ}.pfx");
        var pfx = created.Export(X509ContentType.Pfx);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(path, options))
        {
            file.Write(pfx);
        }
        return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
