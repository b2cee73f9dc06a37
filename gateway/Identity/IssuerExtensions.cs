using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HoanKiem.Gateway.Identity;

/// <summary>The issuer's settings (the <c>Auth</c> section); the app host passes the secrets and the keys' folder.</summary>
public sealed class IssuerOptions
{
    public const string Section = "Auth";
    public const string WebClientId = "web";
    public const string ApiScope = "api";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    /// <summary>A working day of the web app's session; also how long a replaced key stays published.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromHours(12);

    public string SecretariatSecret { get; set; } = "";
    public string WebClientSecret { get; set; } = "";
    public string KeysDirectory { get; set; } = "";
    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(30);
    /// <summary>How often the keys' folder is read again (<see cref="KeyRefresh.Interval"/> unless set).</summary>
    public TimeSpan? KeyRefresh { get; set; }
}

/// <summary>
/// The gateway as the OAuth 2.0 / OpenID Connect issuer (OpenIddict, without a database: the clients are the
/// secretariat, the units' and judges' portals and the web app, all checked by <see cref="Accounts"/>).
/// </summary>
public static class IssuerExtensions
{
    public const string AccountScheme = "account";

    public static IHostApplicationBuilder AddIssuer(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IssuerOptions.Section);
        builder.Services.Configure<IssuerOptions>(section);
        var settings = section.Get<IssuerOptions>() ?? new IssuerOptions();
        var issuer = (section.Get<TokenOptions>() ?? new TokenOptions()).IssuerUri();
        if (settings.KeysDirectory.Length == 0)
        {
            throw new InvalidOperationException("Auth:KeysDirectory must name the folder of the gateway's keys (the app host passes it).");
        }
        builder.Services.TryAddSingleton(TimeProvider.System);
        var keys = new KeyRing(settings.KeysDirectory, TimeProvider.System, settings.KeyRotation, IssuerOptions.RefreshTokenLifetime);

        // The account cookie and the sign-in form's antiforgery token are sealed with these keys: kept in a folder the
        // replicas share, any replica opens what another sealed.
        var dataProtection = builder.Configuration["DataProtection:KeysDirectory"] ?? Path.Combine(settings.KeysDirectory, "..", "data-protection");
        builder.Services.AddDataProtection().SetApplicationName("hoankiem-gateway").PersistKeysToFileSystem(new DirectoryInfo(dataProtection));
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<Accounts>();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "hoankiem.antiforgery";
            options.Cookie.Path = "/account";
        });
        builder.Services.AddAuthentication().AddCookie(AccountScheme, options =>
        {
            options.LoginPath = "/account/login";
            options.Cookie.Name = "hoankiem.account";
            // Sent to the authorize and end-session endpoints only, never proxied on to a service or the web app.
            options.Cookie.Path = "/connect";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = IssuerOptions.RefreshTokenLifetime;
        });

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuer)
                .SetTokenEndpointUris("connect/token")
                .SetAuthorizationEndpointUris("connect/authorize")
                .SetEndSessionEndpointUris("connect/endsession")
                .SetConfigurationEndpointUris(".well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris(".well-known/jwks");
            server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow()
                .RequireProofKeyForCodeExchange()
                .RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, IssuerOptions.ApiScope)
                .RegisterClaims(TokenClaims.Subject, TokenClaims.Role, TokenClaims.Unit, TokenClaims.Judge, TokenClaims.Name)
                .SetAccessTokenLifetime(IssuerOptions.AccessTokenLifetime)
                .SetRefreshTokenLifetime(IssuerOptions.RefreshTokenLifetime)
                .DisableAccessTokenEncryption()
                .EnableDegradedMode()
                .Configure(options =>
                {
                    // PKCE with S256 only, and client secrets as the only client authentication.
                    options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
                    options.ClientAuthenticationMethods.Remove(ClientAuthenticationMethods.PrivateKeyJwt);
                    options.ClientAssertionTypes.Remove(ClientAssertionTypes.JwtBearer);
                });
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseScopedHandler<TokenRequests>());
            server.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseScopedHandler<TokenRequests>());
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseSingletonHandler<WebClientRequests>());
            server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseSingletonHandler<WebClientRequests>());

            var aspNetCore = server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            if (issuer.Scheme == Uri.UriSchemeHttp)
            {
                // Local runs: plain HTTP on loopback. An https issuer keeps OpenIddict's refusal of plain HTTP.
                aspNetCore.DisableTransportSecurityRequirement();
            }
        });

        // The keys are read from their folder each time the options are built: at the start, then at every KeyRefresh.
        builder.Services.Configure<OpenIddictServerOptions>(server =>
        {
            foreach (var certificate in keys.Load(KeyRing.Signing))
            {
                server.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256));
            }
            foreach (var certificate in keys.Load(KeyRing.Encryption))
            {
                server.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(certificate),
                    SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        });
        builder.Services.AddSingleton<KeyRefresh>();
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(services => services.GetRequiredService<KeyRefresh>());
        builder.Services.AddHostedService(services => services.GetRequiredService<KeyRefresh>());

        // The gateway checks the tokens it issued against its own keys as they are now, without fetching its own metadata.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptionsMonitor<OpenIddictServerOptions>>((jwt, server) =>
            {
                jwt.Configuration = new OpenIdConnectConfiguration { Issuer = issuer.AbsoluteUri };
                jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) =>
                    server.CurrentValue.SigningCredentials.Select(credentials => credentials.Key);
            });
        return builder;
    }
}
