using System.Security.Claims;
using HoanKiem.Gateway.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>The gateway's keys on disk: the same key after a restart, a newer one after the rotation period, the old one kept while its tokens live.</summary>
public sealed class KeyRingTests : IDisposable
{
    private static readonly TimeSpan Rotation = TimeSpan.FromDays(30);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(12);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hoankiem-keyring-tests", Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_token_signed_before_a_restart_validates_with_the_keys_loaded_after_it()
    {
        var before = new KeyRing(directory, new At(start), Rotation, Retention).Load(KeyRing.Signing);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://localhost/",
            Subject = new ClaimsIdentity([new Claim("sub", "secretariat")]),
            SigningCredentials = new SigningCredentials(new X509SecurityKey(before[0]), SecurityAlgorithms.RsaSha256)
        });

        var after = new KeyRing(directory, new At(start.AddHours(1)), Rotation, Retention).Load(KeyRing.Signing);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/",
            ValidateAudience = false,
            IssuerSigningKeys = after.Select(certificate => new X509SecurityKey(certificate))
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(before[0].Thumbprint, Assert.Single(after).Thumbprint);
    }

    [Fact]
    public void After_the_rotation_period_a_new_key_signs_and_the_old_stays_until_its_tokens_expire()
    {
        var first = new KeyRing(directory, new At(start), Rotation, Retention).Load(KeyRing.Signing).Single();

        var rotated = new KeyRing(directory, new At(start + Rotation + TimeSpan.FromMinutes(1)), Rotation, Retention).Load(KeyRing.Signing);
        Assert.Equal(2, rotated.Count);
        Assert.NotEqual(first.Thumbprint, rotated[0].Thumbprint);
        Assert.Equal(first.Thumbprint, rotated[1].Thumbprint);
        Assert.True(rotated[0].NotAfter > rotated[1].NotAfter, "OpenIddict signs with the certificate that expires last");

        var later = new KeyRing(directory, new At(start + Rotation + Retention + TimeSpan.FromMinutes(1)), Rotation, Retention).Load(KeyRing.Signing);
        Assert.Equal(rotated[0].Thumbprint, Assert.Single(later).Thumbprint);
        Assert.Single(Directory.GetFiles(directory, "signing-*.pfx"));
    }

    [Fact]
    public void A_day_before_the_rotation_the_next_key_is_made_valid_from_the_rotation_and_every_replica_loads_the_same_one()
    {
        var first = new KeyRing(directory, new At(start), Rotation, Retention).Load(KeyRing.Signing).Single();
        var dayBefore = start + Rotation - KeyRing.Lead + TimeSpan.FromMinutes(1);

        var loaded = new[] { dayBefore, dayBefore.AddSeconds(1) }.Select(now => new KeyRing(directory, new At(now), Rotation, Retention).Load(KeyRing.Signing)).ToList();

        Assert.All(loaded, keys => Assert.Equal(2, keys.Count));
        var next = loaded[0][0];
        Assert.Equal(loaded[0].Select(k => k.Thumbprint), loaded[1].Select(k => k.Thumbprint));
        Assert.Equal(first.Thumbprint, loaded[0][1].Thumbprint);
        Assert.Equal((start + Rotation).UtcDateTime, next.NotBefore.ToUniversalTime());
        Assert.Equal(2, Directory.GetFiles(directory, "signing-*.pfx").Length);
    }

    [Fact]
    public void Key_files_are_readable_by_their_owner_only()
    {
        new KeyRing(directory, new At(start), Rotation, Retention).Load(KeyRing.Encryption);
        var file = Assert.Single(Directory.GetFiles(directory, "encryption-*.pfx"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A clock that always reads <paramref name="now"/>.</summary>
internal sealed class At(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
