using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HoanKiem.ServiceDefaults.Security;

public static class Roles
{
    public const string Secretariat = "secretariat";
    public const string Unit = "unit";
    public const string Judge = "judge";
}

public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Unit = "unit";
    public const string Judge = "judge";
}

/// <summary>Bound from the <c>Auth</c> section; the app host gives every process the same signing key.</summary>
public sealed class TokenOptions
{
    public const string Section = "Auth";
    public string Issuer { get; set; } = "hoankiem";
    public string Audience { get; set; } = "hoankiem-api";
    public string SigningKey { get; set; } = "";
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    internal SymmetricSecurityKey Key()
    {
        if (Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 bytes (the app host passes its token-signing-key parameter).");
        }
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
    }
}

/// <summary>Who is calling, as the token says.</summary>
public sealed record Caller(string ClientId, string Role, string? UnitCode, string? JudgeId);

/// <summary>Issues the short-lived bearer tokens that the gateway and every service validate.</summary>
public sealed class TokenIssuer(IOptions<TokenOptions> options, TimeProvider clock)
{
    public (string Token, int ExpiresIn) Issue(Caller caller)
    {
        var settings = options.Value;
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.Subject] = caller.ClientId,
            [TokenClaims.Role] = caller.Role
        };
        if (caller.UnitCode is not null)
        {
            claims[TokenClaims.Unit] = caller.UnitCode;
        }
        if (caller.JudgeId is not null)
        {
            claims[TokenClaims.Judge] = caller.JudgeId;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.Lifetime,
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256)
        });
        return (token, (int)settings.Lifetime.TotalSeconds);
    }
}

public static class TokenAuthentication
{
    public const string SecretariatPolicy = Roles.Secretariat;
    public const string UnitOrSecretariatPolicy = "unit-or-secretariat";
    public const string JudgePolicy = Roles.Judge;

    public static IHostApplicationBuilder AddTokenAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TokenOptions>(builder.Configuration.GetSection(TokenOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenOptions>>((jwt, tokens) =>
            {
                var settings = tokens.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.Key(),
                    NameClaimType = TokenClaims.Subject,
                    RoleClaimType = TokenClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30)
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SecretariatPolicy, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(UnitOrSecretariatPolicy, p => p.RequireRole(Roles.Unit, Roles.Secretariat))
            .AddPolicy(JudgePolicy, p => p.RequireRole(Roles.Judge));
        return builder;
    }

    public static Caller Caller(this ClaimsPrincipal user) => new(
        user.FindFirstValue(TokenClaims.Subject) ?? "",
        user.FindFirstValue(TokenClaims.Role) ?? "",
        user.FindFirstValue(TokenClaims.Unit),
        user.FindFirstValue(TokenClaims.Judge));

    public static bool IsSecretariat(this ClaimsPrincipal user) => user.IsInRole(Roles.Secretariat);

    /// <summary>A secret is kept only as this hash; comparing hashes in fixed time keeps timing from leaking it.</summary>
    public static string HashSecret(string secret) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool SecretMatches(string secret, string expectedHash) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(expectedHash));

    public static string NewSecret() =>
        Base64UrlEncoder.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
