using System.Net.Http.Headers;
using System.Security.Cryptography;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HoanKiem.TestSupport;

/// <summary>
/// One service's real HTTP pipeline (ASP.NET Core's test server) on its own fresh SQLite file and the real broker, or,
/// given another instance's <paramref name="sharedDatabasePath"/>, a second replica on that instance's file.
/// </summary>
public class ServiceFactory<TProgram>(RabbitMqBroker broker, string databaseConnectionName, string? sharedDatabasePath = null)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public string DatabasePath { get; } = sharedDatabasePath ?? TestDatabases.NewPath(databaseConnectionName);

    public HttpClient CreateClient(Caller caller)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(caller));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{databaseConnectionName}", $"Data Source={DatabasePath}");
        builder.UseSetting($"ConnectionStrings:{MessagingExtensions.ConnectionName}", broker.ConnectionString);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        // The services find the issuer's keys in its metadata; here the test issuer's key is given instead.
        builder.ConfigureTestServices(services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            options => options.Configuration = TestTokens.Configuration));
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("DeadLetters:PollInterval", "00:00:00.500");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sharedDatabasePath is null)
        {
            TestDatabases.Delete(DatabasePath);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Tokens as the gateway issues them (same claims, RS256), signed by a key of the tests' own.</summary>
public static class TestTokens
{
    public const string Issuer = "http://issuer.test/";
    public const string Audience = "hoankiem-api";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "tests" };

    public static OpenIdConnectConfiguration Configuration { get; } = new() { Issuer = Issuer, SigningKeys = { Key } };

    public static string For(Caller caller) => Mint(TokenClaims.For(caller).ToDictionary(c => c.Type, c => (object)c.Value), Key);

    /// <summary>A token with these claims, signed with <paramref name="key"/> (a foreign key, for refusals).</summary>
    public static string Mint(IDictionary<string, object> claims, SecurityKey key, string issuer = Issuer, string audience = Audience,
        DateTime? notBefore = null, DateTime? expires = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var from = notBefore ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = from,
            NotBefore = from,
            Expires = expires ?? from.AddMinutes(15),
            SigningCredentials = new SigningCredentials(key, algorithm)
        });
    }
}

public static class TestCallers
{
    public static readonly Caller Secretariat = new("secretariat", Roles.Secretariat, null, null);

    public static Caller Unit(string unitCode) => new($"unit-{unitCode}", Roles.Unit, unitCode, null);

    public static Caller Judge(string judgeId, string? unitCode = null) => new($"judge-{judgeId}", Roles.Judge, unitCode, judgeId);
}
