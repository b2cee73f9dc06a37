using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>A test of the messaging plumbing with its own broker and its own SQLite file.</summary>
public abstract class MessagingTest : IAsyncLifetime
{
    protected string DatabasePath { get; } = TestDatabases.NewPath("messaging");
    protected RabbitMqBroker Broker { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Broker = await RabbitMqBroker.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        TestDatabases.Delete(DatabasePath);
    }
}
