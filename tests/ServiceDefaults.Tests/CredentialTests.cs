using HoanKiem.ServiceDefaults.Security;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

public sealed class CredentialTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 7, 9, 0, 0, 480, TimeSpan.FromHours(7));

    [Fact]
    public void Sign_in_in_the_same_second_as_the_credential_was_issued_keeps_its_session()
    {
        var (credential, _) = Credential.Issue(IssuedAt);

        // The sign-in time comes back from a token's auth_time, in whole seconds.
        Assert.True(credential.StillValidFor(DateTimeOffset.FromUnixTimeSeconds(IssuedAt.ToUnixTimeSeconds())));
    }

    [Fact]
    public void Credential_replaced_or_disabled_after_the_sign_in_ends_the_session()
    {
        var signedInAt = DateTimeOffset.FromUnixTimeSeconds(IssuedAt.AddMinutes(1).ToUnixTimeSeconds());
        var (replaced, _) = Credential.Issue(IssuedAt);
        var (disabled, _) = Credential.Issue(IssuedAt);

        replaced.Replace(passphrase: null, signedInAt.AddSeconds(1));
        disabled.Disable(signedInAt.AddSeconds(1));

        Assert.False(replaced.StillValidFor(signedInAt));
        Assert.False(disabled.StillValidFor(signedInAt));
    }
}
