using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
    public const string Name = "name";

    /// <summary>What a token says about its caller: the gateway issues these claims, every service reads them.</summary>
    public static IEnumerable<Claim> For(Caller caller)
    {
        yield return new Claim(Subject, caller.ClientId);
        yield return new Claim(Role, caller.Role);
        if (caller.UnitCode is not null)
        {
            yield return new Claim(Unit, caller.UnitCode);
        }
        if (caller.JudgeId is not null)
        {
            yield return new Claim(Judge, caller.JudgeId);
        }
        if (caller.Name is not null)
        {
            yield return new Claim(Name, caller.Name);
        }
    }
}

/// <summary>
/// Bound from the <c>Auth</c> section. The gateway issues the tokens and publishes its public keys at
/// <c>{Issuer}.well-known/jwks</c>; the app host gives every process the issuer's address.
/// </summary>
public sealed class TokenOptions
{
    public const string Section = "Auth";
    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "hoankiem-api";

    /// <summary>The issuer as tokens carry it (<c>iss</c>): an absolute URL ending with a slash.</summary>
    public Uri IssuerUri() => Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer)
        ? issuer
        : throw new InvalidOperationException("Auth:Issuer must be the gateway's absolute URL (the app host passes it).");
}

/// <summary>Who is calling, as the token says.</summary>
public sealed record Caller(string ClientId, string Role, string? UnitCode, string? JudgeId, string? Name = null);

public static class TokenAuthentication
{
    public const string SecretariatPolicy = Roles.Secretariat;
    public const string UnitOrSecretariatPolicy = "unit-or-secretariat";
    public const string JudgePolicy = Roles.Judge;

    public static IHostApplicationBuilder AddTokenAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TokenOptions>(builder.Configuration.GetSection(TokenOptions.Section));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenOptions>>((jwt, tokens) =>
            {
                var settings = tokens.Value;
                var issuer = settings.IssuerUri();
                jwt.Authority = issuer.AbsoluteUri;
                // Local runs speak plain HTTP on loopback; an https issuer gets its metadata over https only.
                jwt.RequireHttpsMetadata = issuer.Scheme == Uri.UriSchemeHttps;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer.AbsoluteUri,
                    ValidAudience = settings.Audience,
                    // Only the gateway's RSA keys: a token signed with anything else (an HMAC secret among them) is refused.
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
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
        user.FindFirstValue(TokenClaims.Judge),
        user.FindFirstValue(TokenClaims.Name));

    public static bool IsSecretariat(this ClaimsPrincipal user) => user.IsInRole(Roles.Secretariat);
}
