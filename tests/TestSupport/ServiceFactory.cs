using System.Net.Http.Headers;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

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
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
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

public static class TestTokens
{
    public const string SigningKey = "hoankiem-tests-signing-key-0123456789abcdef";

    private static readonly TokenIssuer Issuer = new(Options.Create(new TokenOptions { SigningKey = SigningKey }), TimeProvider.System);

    public static string For(Caller caller) => Issuer.Issue(caller).Token;
}

public static class TestCallers
{
    public static readonly Caller Secretariat = new("secretariat", Roles.Secretariat, null, null);

    public static Caller Unit(string unitCode) => new($"unit-{unitCode}", Roles.Unit, unitCode, null);

    public static Caller Judge(string judgeId, string? unitCode = null) => new($"judge-{judgeId}", Roles.Judge, unitCode, judgeId);
}
