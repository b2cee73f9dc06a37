using HoanKiem.AppHost;
using HoanKiem.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);
var mode = HostingMode.Resolve(builder.Configuration);
var secretariatSecret = builder.AddSecretParameter(ResourceNames.SecretariatSecret, HostingMode.LocalSecretariatSecret);
var signingKey = builder.AddSecretParameter(ResourceNames.TokenSigningKey, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

// Broker and databases: Debian's RabbitMQ and SQLite files here; containers where a container runtime answers.
var infrastructure = mode == HostingMode.Local ? builder.AddLocalInfrastructure() : builder.AddContainerInfrastructure();

var submission = builder.AddService<Projects.HoanKiem_Submission>(ResourceNames.Submission, ResourceNames.SubmissionDb, infrastructure, signingKey);
var judging = builder.AddService<Projects.HoanKiem_Judging>(ResourceNames.Judging, ResourceNames.JudgingDb, infrastructure, signingKey);
var recognition = builder.AddService<Projects.HoanKiem_Recognition>(ResourceNames.Recognition, ResourceNames.RecognitionDb, infrastructure, signingKey);
var reporting = builder.AddService<Projects.HoanKiem_Reporting>(ResourceNames.Reporting, ResourceNames.ReportingDb, infrastructure, signingKey);

builder.AddProject<Projects.HoanKiem_Gateway>(ResourceNames.Gateway)
    .WithHttpEndpoint(port: HostingMode.GatewayPort(builder.Configuration), isProxied: false)
    .WithEnvironment("Auth__SigningKey", signingKey)
    .WithEnvironment("Auth__SecretariatSecret", secretariatSecret)
    .WithReference(submission).WaitFor(submission)
    .WithReference(judging).WaitFor(judging)
    .WithReference(recognition).WaitFor(recognition)
    .WithReference(reporting).WaitFor(reporting)
    .WithHttpHealthCheck("/health")
    .WithMetricsEveryFiveSeconds();

builder.Build().Run();
