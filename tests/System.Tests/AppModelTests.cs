using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HoanKiem.AppHost;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>Container mode cannot run here (no container engine), so its app model is built and inspected instead.</summary>
public sealed class AppModelTests
{
    private static readonly string[] ContainersMode =
        ["Mode=containers", $"Parameters:{ResourceNames.SecretariatSecret}={new string('s', Secrets.MinimumLength)}"];

    [Fact]
    public async Task Containers_mode_builds_rabbitmq_and_sqlserver_with_a_database_per_service()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(ContainersMode);
        await using var app = await builder.BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        Assert.IsType<RabbitMQServerResource>(model.Resources.Single(r => r.Name == ResourceNames.Broker));
        var sql = Assert.IsType<ContainerResource>(model.Resources.Single(r => r.Name == ResourceNames.SqlServer));
        Assert.Contains(sql.Annotations.OfType<ContainerImageAnnotation>(), image => image.Image == "mssql/server" && image.Registry == "mcr.microsoft.com");
        foreach (var database in new[] { ResourceNames.SubmissionDb, ResourceNames.JudgingDb, ResourceNames.RecognitionDb, ResourceNames.ReportingDb })
        {
            var connection = Assert.IsAssignableFrom<IResourceWithConnectionString>(model.Resources.Single(r => r.Name == database));
            Assert.Contains("Database=", connection.ConnectionStringExpression.ValueExpression);
        }
        Assert.Equal(6, model.Resources.OfType<ProjectResource>().Count());
    }

    [Fact]
    public async Task Containers_mode_signs_each_service_in_as_its_own_login_and_waits_for_sql_server_to_accept_sign_ins()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(ContainersMode);
        await using var app = await builder.BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        var sql = model.Resources.Single(r => r.Name == ResourceNames.SqlServer);
        Assert.Contains(sql.Annotations.OfType<HealthCheckAnnotation>(), check => check.Key == ResourceNames.SqlServer);
        foreach (var (database, catalog) in new[] { (ResourceNames.SubmissionDb, "submission"), (ResourceNames.JudgingDb, "judging"),
                     (ResourceNames.RecognitionDb, "recognition"), (ResourceNames.ReportingDb, "reporting") })
        {
            var connection = (IResourceWithConnectionString)model.Resources.Single(r => r.Name == database);
            var expression = connection.ConnectionStringExpression.ValueExpression;
            Assert.Contains($"Database={catalog};User ID={SqlServerLogins.LoginOf(catalog)};", expression);
            Assert.DoesNotContain("User ID=sa", expression);
            var password = model.Resources.OfType<ParameterResource>().Single(p => p.Name == ResourceNames.PasswordOf(database));
            Assert.True(password.Secret);
            Assert.Equal("UserSecretsParameterDefault", password.Default?.GetType().Name);
        }
        var service = model.Resources.OfType<ProjectResource>().Single(p => p.Name == ResourceNames.Submission);
        Assert.Contains(service.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource.Name == ResourceNames.SqlServer);
    }

    [Fact]
    public void Each_login_is_made_a_user_of_its_own_database_only_in_valid_tsql()
    {
        var batches = SqlServerLogins.ProvisioningBatches("judging", "Pass'word]1");

        foreach (var batch in batches)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batch), out var errors);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        }
        var script = string.Join(Environment.NewLine, batches);
        Assert.Contains("CREATE LOGIN [judging_service] WITH PASSWORD = N'Pass''word]1', DEFAULT_DATABASE = [judging]", script);
        Assert.Contains("USE [judging];", script);
        Assert.Single(batches, b => b.Contains("CREATE USER", StringComparison.Ordinal));
        Assert.DoesNotContain("sysadmin", script);
        Assert.DoesNotContain("GRANT", script);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hoankiem-local-secretariat")]
    [InlineData("thirty-one-characters-is-short")]
    public async Task Outside_local_mode_the_app_host_refuses_to_start_without_a_secretariat_secret_of_32_characters(string? secret)
    {
        string[] args = secret is null ? ["Mode=containers"] : ["Mode=containers", $"Parameters:{ResourceNames.SecretariatSecret}={secret}"];
        var refusal = await Record.ExceptionAsync(async () =>
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(args);
            await using var app = await builder.BuildAsync();
        });

        Assert.NotNull(refusal);
        Assert.Contains($"at least {Secrets.MinimumLength} characters", refusal.ToString());
    }

    [Fact]
    public void Local_mode_makes_a_secretariat_secret_once_and_keeps_it_for_its_owner_only()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hoankiem-secret-test", Guid.NewGuid().ToString("N"));
        try
        {
            var (made, path) = Secrets.LocalSecretariatSecret(directory);
            var (kept, _) = Secrets.LocalSecretariatSecret(directory);

            Assert.True(made.Length >= Secrets.MinimumLength, made);
            Assert.Equal(made, kept);
            Assert.NotEqual(made, Secrets.LocalSecretariatSecret(Path.Combine(directory, "other")).Secret);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Containers_mode_generates_the_sql_server_password_once_and_keeps_it()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(ContainersMode);
        await using var app = await builder.BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        var password = model.Resources.OfType<ParameterResource>().Single(p => p.Name == ResourceNames.SqlServerPassword);
        Assert.True(password.Secret);
        // In run mode a generated default is wrapped in one that reads and writes the app host's user secrets.
        Assert.Equal("UserSecretsParameterDefault", password.Default?.GetType().Name);
    }

    [Fact]
    public async Task Local_mode_runs_rabbitmq_as_an_executable_on_loopback()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(
            ["Mode=local", $"Local:DataDirectory={Path.GetTempPath()}/hoankiem-model-test"]);
        await using var app = await builder.BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        var broker = Assert.IsType<ExecutableResource>(model.Resources.Single(r => r.Name == ResourceNames.Broker));
        Assert.EndsWith("rabbitmq-server", broker.Command);
        Assert.DoesNotContain(model.Resources, r => r is ContainerResource);
        Assert.Contains(broker.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == "amqp" && !endpoint.IsProxied);
    }

    [Fact]
    public async Task Local_mode_connects_the_services_to_the_broker_as_its_own_user_with_the_password_it_keeps_never_as_guest()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hoankiem-model-test", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(["Mode=local", $"Local:DataDirectory={directory}"]);
            await using var app = await builder.BuildAsync();
            var model = app.Services.GetRequiredService<DistributedApplicationModel>();

            var messaging = Assert.IsAssignableFrom<IResourceWithConnectionString>(model.Resources.Single(r => r.Name == ResourceNames.Messaging));
            var connectionString = await messaging.GetConnectionStringAsync();
            var kept = File.ReadAllText(Path.Combine(directory, Secrets.BrokerPasswordFile));
            Assert.DoesNotContain("guest", connectionString);
            Assert.StartsWith($"amqp://{LocalRabbitMq.User}:{kept}@127.0.0.1:", connectionString);
            Assert.True(model.Resources.OfType<ParameterResource>().Single(p => p.Name == ResourceNames.BrokerPassword).Secret);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("local")]
    [InlineData("containers")]
    public async Task No_resource_serves_https_so_the_dashboard_asks_for_no_development_certificate(string mode)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(
            mode == "containers" ? ContainersMode : ["Mode=local", $"Local:DataDirectory={Path.GetTempPath()}/hoankiem-model-test"]);
        await using var app = await builder.BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        // What the app host checks before it warns that no development certificate is trusted.
        Assert.DoesNotContain(model.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()), e => e.UriScheme == "https");
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
#pragma warning disable ASPIRECERTIFICATES001
            Assert.True(project.TryGetLastAnnotation<HttpsCertificateAnnotation>(out var https), $"{project.Name} may serve HTTPS");
            Assert.False(https.UseDeveloperCertificate);
            Assert.Null(https.Certificate);
#pragma warning restore ASPIRECERTIFICATES001
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public async Task A_single_instance_is_called_directly_and_replicas_through_the_proxy(int replicas, bool proxied)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(
            ["Mode=local", $"Replicas={replicas}", $"GatewayReplicas={replicas}", $"WebReplicas={replicas}", $"Local:DataDirectory={Path.GetTempPath()}/hoankiem-model-test"]);
        await using var app = await builder.BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        foreach (var name in ResourceNames.Services.Append(ResourceNames.Gateway))
        {
            var service = model.Resources.OfType<ProjectResource>().Single(r => r.Name == name);
            Assert.Equal(replicas, service.GetReplicaCount());
            Assert.Equal(proxied, service.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").IsProxied);
        }
        Assert.Equal(replicas, model.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Web).GetReplicaCount());
    }

    [Fact]
    public async Task Local_broker_shows_its_management_page_and_prometheus_scrape_on_loopback()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(
            ["Mode=local", $"Local:DataDirectory={Path.GetTempPath()}/hoankiem-model-test"]);
        await using var app = await builder.BuildAsync();
        var broker = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == ResourceNames.Broker);

        var endpoints = broker.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name);
        Assert.Equal("http", endpoints["management"].UriScheme);
        Assert.Equal("http", endpoints["prometheus"].UriScheme);
        var config = File.ReadAllText(Path.Combine(Path.GetTempPath(), "hoankiem-model-test", "rabbitmq", "hoankiem", "rabbitmq.conf"));
        Assert.Contains($"management.tcp.port = {endpoints["management"].Port}", config);
        Assert.Contains("management.tcp.ip = 127.0.0.1", config);
        Assert.Contains("prometheus.tcp.ip = 127.0.0.1", config);
    }
}
