using Xunit;

namespace HoanKiem.TestSupport;

/// <summary>
/// One service for a whole test assembly: its real HTTP pipeline on a fresh SQLite file and a broker of its own, a test
/// bus on that broker, and the secretariat's client. Each test takes a contest year of its own, so tests never meet.
/// </summary>
public abstract class ServiceFixture<TProgram>(string databaseConnectionName) : IAsyncLifetime where TProgram : class
{
    private int lastYear = 2000;

    public RabbitMqBroker Broker { get; private set; } = null!;
    public ServiceFactory<TProgram> Service { get; private set; } = null!;
    public TestBus Bus { get; private set; } = null!;
    /// <summary>What the service has received of what the tests publish.</summary>
    public Deliveries Deliveries { get; private set; } = null!;
    public HttpClient Secretariat { get; private set; } = null!;

    public int NewYear() => Interlocked.Increment(ref lastYear);

    public async ValueTask InitializeAsync()
    {
        Broker = await RabbitMqBroker.StartAsync();
        Service = new ServiceFactory<TProgram>(Broker, databaseConnectionName);
        Secretariat = Service.CreateClient(TestCallers.Secretariat);
        // Healthy means migrated and the bus connected, so the service's queues are bound before any test publishes.
        await Eventually.Until(async () => (await Secretariat.GetAsync("/health")).IsSuccessStatusCode, healthy => healthy, TimeSpan.FromSeconds(60));
        Deliveries = Deliveries.Of(Service.Services);
        Bus = await TestBus.StartAsync(Broker);
        await RecordEventsAsync(Bus);
    }

    /// <summary>Starts recording the events of this service that the tests look at.</summary>
    protected abstract Task RecordEventsAsync(TestBus bus);

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        Secretariat.Dispose();
        await Service.DisposeAsync();
        await Broker.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
