using HoanKiem.ServiceDefaults;
using HoanKiem.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace HoanKiem.Submission.Tests;

/// <summary>The submission service on a fresh SQLite file, logging only warnings so a failing test's output stays readable.</summary>
public sealed class SubmissionService(RabbitMqBroker broker) : ServiceFactory<Program>(broker, ResourceNames.SubmissionDb)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
