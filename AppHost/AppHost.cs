using HoanKiem.AppHost;
using HoanKiem.ServiceDefaults;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
var mode = HostingMode.Resolve(builder.Configuration);
var dataDirectory = builder.DataDirectory();
var secretariatSecret = builder.AddSecretariatSecret(mode, dataDirectory);
var webClientSecret = builder.AddGeneratedSecretParameter(ResourceNames.WebClientSecret, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
// The gateway issues the tokens; every process names it as their issuer (iss) and finds its public keys there.
var issuer = HostingMode.Issuer(builder.Configuration);

// Broker and databases: Debian's RabbitMQ and SQLite files here; containers where a container runtime answers.
var infrastructure = mode == HostingMode.Local ? builder.AddLocalInfrastructure() : builder.AddContainerInfrastructure();

var submission = builder.AddService<Projects.HoanKiem_Submission>(ResourceNames.Submission, ResourceNames.SubmissionDb, infrastructure, issuer);
var judging = builder.AddService<Projects.HoanKiem_Judging>(ResourceNames.Judging, ResourceNames.JudgingDb, infrastructure, issuer);
var recognition = builder.AddService<Projects.HoanKiem_Recognition>(ResourceNames.Recognition, ResourceNames.RecognitionDb, infrastructure, issuer);
var reporting = builder.AddService<Projects.HoanKiem_Reporting>(ResourceNames.Reporting, ResourceNames.ReportingDb, infrastructure, issuer);

// The web app and the gateway run as many replicas as GatewayReplicas and WebReplicas say (default 1), behind their
// endpoint's proxy: the web app's sessions live in cookies sealed with keys in one shared folder, and every gateway
// replica signs with the same keys, kept in one shared folder, so any replica accepts what another issued.
var gatewayReplicas = builder.Configuration.GetValue("GatewayReplicas", 1);
var webReplicas = builder.Configuration.GetValue("WebReplicas", 1);

// The web app, served through the gateway at its public address, signs people in there and calls the API there.
var web = builder.AddProject<Projects.HoanKiem_Web>(ResourceNames.Web)
    .WithReplicas(webReplicas)
    .WithHttpEndpoint()
    .WithoutDevelopmentCertificate()
    .WithEnvironment("Auth__Issuer", issuer)
    .WithEnvironment("Auth__WebClientSecret", webClientSecret)
    .WithEnvironment("DataProtection__KeysDirectory", Path.Combine(dataDirectory, "web", "keys"))
    .WithHttpHealthCheck("/health")
    .WithMetricsEveryFiveSeconds();

builder.AddProject<Projects.HoanKiem_Gateway>(ResourceNames.Gateway)
    .WithReplicas(gatewayReplicas)
    .WithHttpEndpoint(port: HostingMode.GatewayPort(builder.Configuration), isProxied: gatewayReplicas > 1)
    .WithEnvironment("Auth__Issuer", issuer)
    .WithEnvironment("Auth__KeysDirectory", Path.Combine(dataDirectory, "gateway", "keys"))
    .WithEnvironment("DataProtection__KeysDirectory", Path.Combine(dataDirectory, "gateway", "data-protection"))
    .WithEnvironment("Auth__SecretariatSecret", secretariatSecret)
    .WithEnvironment("Auth__WebClientSecret", webClientSecret)
    .WithReference(submission).WaitFor(submission)
    .WithReference(judging).WaitFor(judging)
    .WithReference(recognition).WaitFor(recognition)
    .WithReference(reporting).WaitFor(reporting)
    .WithReference(web).WaitFor(web)
    .WithHttpHealthCheck("/health")
    .WithMetricsEveryFiveSeconds()
    .WithoutDevelopmentCertificate();

builder.Build().Run();
