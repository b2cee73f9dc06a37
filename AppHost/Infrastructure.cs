using System.Globalization;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HoanKiem.AppHost;

/// <summary>What the services stand on: a broker to wait for, its connection string, and a database per service.</summary>
public sealed record Infrastructure(
    IResourceBuilder<IResource> Broker,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> Database,
    IResourceBuilder<IResource>? DatabaseServer);

public static class InfrastructureExtensions
{
    /// <summary>
    /// Debian's rabbitmq-server as an executable on loopback (AMQP and Erlang distribution ports alike), with its own
    /// node name and data under the repository's git-ignored <c>.data/</c> folder, beside one SQLite file per service,
    /// so everything survives a restart of the app host.
    /// </summary>
    public static Infrastructure AddLocalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var dataDirectory = builder.DataDirectory();
        var nodeName = builder.Configuration["Local:BrokerNode"] ?? "hoankiem";
        var amqpPort = builder.Configuration.GetValue<int?>("Local:BrokerPort") ?? LocalRabbitMq.FreePort();
        var brokerDirectory = Path.Combine(dataDirectory, "rabbitmq", nodeName);
        var (password, passwordValue) = builder.AddBrokerPassword(dataDirectory);

        var plugins = new LocalRabbitMq.PluginPorts(LocalRabbitMq.FreePort(), LocalRabbitMq.FreePort());
        var broker = builder.AddExecutable(ResourceNames.Broker, LocalRabbitMq.ServerPath, brokerDirectory)
            .WithEndpoint(name: "amqp", scheme: "tcp", port: amqpPort, targetPort: amqpPort, isProxied: false)
            // The operator's view of queues (dead letters among them), signed in as the broker's user with its password.
            .WithHttpEndpoint(name: "management", port: plugins.Management, targetPort: plugins.Management, isProxied: false)
            .WithHttpEndpoint(name: "prometheus", port: plugins.Prometheus, targetPort: plugins.Prometheus, isProxied: false)
            .WithUrlForEndpoint("management", url => url.DisplayText = "Management")
            .WithUrlForEndpoint("prometheus", url =>
            {
                url.DisplayText = "Prometheus";
                url.Url = new UriBuilder(url.Url) { Path = "/metrics" }.Uri.ToString();
            })
            .WithHealthCheck("broker-amqp");
        foreach (var (name, value) in LocalRabbitMq.Environment(nodeName, brokerDirectory, amqpPort, LocalRabbitMq.FreePort(), passwordValue, plugins))
        {
            broker.WithEnvironment(name, value);
        }
        builder.Services.AddHealthChecks().AddAsyncCheck("broker-amqp", async cancellationToken =>
            await LocalRabbitMq.AnswersAmqpAsync("127.0.0.1", amqpPort, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("RabbitMQ does not answer AMQP yet."));

        return new Infrastructure(
            broker,
            builder.AddConnectionString(ResourceNames.Messaging, ReferenceExpression.Create(
                $"amqp://{LocalRabbitMq.User}:{password}@127.0.0.1:{amqpPort.ToString(CultureInfo.InvariantCulture)}/")),
            database => builder.AddConfiguredConnectionString(database, $"Data Source={Path.Combine(dataDirectory, database + ".db")}"),
            null);
    }

    /// <summary>
    /// RabbitMQ and SQL Server containers, one database and login per service (Aspire.Hosting.SqlServer is not served
    /// here). SQL Server is ready once it accepts sa's sign-in and the services' logins are made.
    /// </summary>
    public static Infrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var rabbit = builder.AddRabbitMQ(ResourceNames.Broker).WithDataVolume().WithManagementPlugin();
        // Generated once and kept in the app host's user secrets: the data volume keeps the sa password it was created
        // with, so a new one each start would lock the services out. Letters and digits only, safe in a connection string.
        var password = builder.AddParameter(ResourceNames.SqlServerPassword, LettersAndDigits, secret: true, persist: true);
        var sql = builder.AddContainer(ResourceNames.SqlServer, "mssql/server", "2022-latest")
            .WithImageRegistry("mcr.microsoft.com")
            .WithEnvironment("ACCEPT_EULA", "Y")
            .WithEnvironment("MSSQL_SA_PASSWORD", password)
            .WithEndpoint(name: "tds", scheme: "tcp", targetPort: 1433)
            .WithVolume("hoankiem-sqlserver-data", "/var/opt/mssql");
        var tds = sql.GetEndpoint("tds");
        var server = ReferenceExpression.Create($"Server={tds.Property(EndpointProperty.Host)},{tds.Property(EndpointProperty.Port)};TrustServerCertificate=true");
        var master = ReferenceExpression.Create($"{server};Database=master;User ID=sa;Password={password}");

        builder.Services.AddHealthChecks().AddAsyncCheck(ResourceNames.SqlServer, async cancellationToken =>
            await SqlServerLogins.AcceptsSignInAsync(await master.GetValueAsync(cancellationToken) ?? "", cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("SQL Server does not accept sign-ins yet."));
        sql.WithHealthCheck(ResourceNames.SqlServer);

        var logins = new List<(string Catalog, IResourceBuilder<ParameterResource> Password)>();
        // The services wait for the server to be ready, and readiness waits for this: their logins exist before they start.
        sql.OnResourceReady(async (_, _, cancellationToken) =>
        {
            var passwords = new List<(string, string)>();
            foreach (var (catalog, loginPassword) in logins)
            {
                passwords.Add((catalog, await loginPassword.Resource.GetValueAsync(cancellationToken) ?? ""));
            }
            await SqlServerLogins.ProvisionAsync(await master.GetValueAsync(cancellationToken) ?? "", passwords, cancellationToken);
        });

        return new Infrastructure(
            builder.CreateResourceBuilder<IResource>(rabbit.Resource),
            rabbit,
            database =>
            {
                var catalog = database.Replace("-db", "");
                var loginPassword = builder.AddParameter(ResourceNames.PasswordOf(database), LettersAndDigits, secret: true, persist: true);
                logins.Add((catalog, loginPassword));
                return builder.AddConnectionString(database, ReferenceExpression.Create(
                    $"{server};Database={catalog};User ID={SqlServerLogins.LoginOf(catalog)};Password={loginPassword}"));
            },
            builder.CreateResourceBuilder<IResource>(sql.Resource));
    }

    /// <summary>Passwords SQL Server's policy accepts that need no escaping in a connection string.</summary>
    private static GenerateParameterDefault LettersAndDigits =>
        new() { MinLength = 22, MinLower = 1, MinUpper = 1, MinNumeric = 1, Special = false };

    /// <summary>The git-ignored folder of local state (<c>.data/</c> beside the app host unless <c>Local:DataDirectory</c> says).</summary>
    public static string DataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Local:DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));

    /// <summary>A secret parameter generated on each start unless <c>Parameters__{name}</c> sets it.</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecretParameter(this IDistributedApplicationBuilder builder, string name, string generated)
    {
        builder.Configuration[$"Parameters:{name}"] ??= generated;
        return builder.AddParameter(name, secret: true);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddConfiguredConnectionString(
        this IDistributedApplicationBuilder builder, string name, string connectionString)
    {
        builder.Configuration[$"ConnectionStrings:{name}"] = connectionString;
        return builder.AddConnectionString(name);
    }

    /// <summary>
    /// A service: its database, the broker, the token issuer's address, and a health check the gateway waits for. <c>Replicas</c>
    /// (default 1) runs that many instances of it behind its endpoint's proxy: competing consumers, one outbox relay
    /// each. A single instance is called directly: the orchestrator's proxy would add a hop, and its CPU, to every
    /// request through the gateway.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder,
        string name, string database, Infrastructure infrastructure, string issuer)
        where TProject : IProjectMetadata, new()
    {
        var replicas = builder.Configuration.GetValue("Replicas", 1);
        var service = builder.AddProject<TProject>(name)
            .WithReplicas(replicas)
            .WithHttpEndpoint(isProxied: replicas > 1)
            .WithReference(infrastructure.Messaging, ResourceNames.Messaging).WaitFor(infrastructure.Broker)
            .WithReference(infrastructure.Database(database))
            .WithEnvironment("Auth__Issuer", issuer)
            .WithEnvironment(ResourceNames.ServicesSetting.Replace(":", "__"), string.Join(',', ResourceNames.Services))
            .WithHttpHealthCheck("/health")
            .WithMetricsEveryFiveSeconds()
            .WithoutDevelopmentCertificate();
        if (infrastructure.DatabaseServer is { } server)
        {
            service.WaitFor(server);
        }
        return service;
    }

    /// <summary>
    /// Plain HTTP behind the gateway, so no development certificate: Aspire otherwise counts every project as able to
    /// serve HTTPS, and the dashboard greets an operator on every start with an error that none is trusted.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithoutDevelopmentCertificate(this IResourceBuilder<ProjectResource> project)
    {
#pragma warning disable ASPIRECERTIFICATES001 // evaluation API in Aspire 13.6
        return project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }

    /// <summary>
    /// Metrics every 5 s instead of the second Aspire sets in development: current enough for an operator's dashboard,
    /// and taking in every process's metrics each second was most of the idle dashboard's work.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMetricsEveryFiveSeconds(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "5000");
}
