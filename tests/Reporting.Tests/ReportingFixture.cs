using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Xunit;

[assembly: AssemblyFixture(typeof(HoanKiem.Reporting.Tests.ReportingFixture))]

namespace HoanKiem.Reporting.Tests;

/// <summary>
/// One reporting service for the whole assembly (copies would share its queues), on a real SQLite file, the real
/// broker and a real Kestrel port (the browser test needs one); each test works in a contest year and units of its own.
/// </summary>
public sealed class ReportingFixture : IAsyncLifetime
{
    private int lastYear = 2030;
    private MeterListener? listener;
    private long duplicatesSkipped;

    public RabbitMqBroker Broker { get; private set; } = null!;
    public KestrelServiceFactory Service { get; private set; } = null!;
    public TestBus Bus { get; private set; } = null!;
    /// <summary>What the service has received of what the tests publish.</summary>
    public Deliveries Deliveries { get; private set; } = null!;
    public HttpClient Secretariat { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Redelivered messages the service's inbox has dropped so far (its own meter, read in-process).</summary>
    public long DuplicatesSkipped => Interlocked.Read(ref duplicatesSkipped);

    /// <summary>Each message's lag from publishing to effect, by consumer, as the service's meter recorded it.</summary>
    public System.Collections.Concurrent.ConcurrentBag<(string Consumer, double Seconds)> Lags { get; } = [];

    public int NewYear() => Interlocked.Increment(ref lastYear);

    public async ValueTask InitializeAsync()
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, meter) =>
            {
                if (instrument.Meter.Name == MessagingTelemetry.MeterName && instrument.Name is "hoankiem.inbox.duplicates_skipped" or "hoankiem.inbox.lag")
                {
                    meter.EnableMeasurementEvents(instrument);
                }
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref duplicatesSkipped, value));
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "consumer")
                {
                    Lags.Add((tag.Value as string ?? "", seconds));
                }
            }
        });
        listener.Start();

        Broker = await RabbitMqBroker.StartAsync();
        Service = new KestrelServiceFactory(Broker);
        Service.StartServer();
        Secretariat = Service.CreateClient(TestCallers.Secretariat);
        Anonymous = Service.CreateClient();
        // Healthy means migrated and the bus connected, so the service's queues are bound before any test publishes.
        await Eventually.Until(async () => (await Anonymous.GetAsync("/health")).IsSuccessStatusCode, healthy => healthy, TimeSpan.FromSeconds(60));
        Deliveries = Deliveries.Of(Service.Services);
        Bus = await TestBus.StartAsync(Broker);
    }

    public async ValueTask DisposeAsync()
    {
        listener?.Dispose();
        await Bus.DisposeAsync();
        Secretariat.Dispose();
        Anonymous.Dispose();
        await Service.DisposeAsync();
        await Broker.DisposeAsync();
    }

    public Task RegisterUnitAsync(string code, string name, string kind = "ward") =>
        Bus.PublishAsync(new UnitRegistered(code, name, kind, DateTimeOffset.UtcNow));

    public async Task<Guid> AcceptAsync(int year, string unitCode, DateTimeOffset receivedAt, Guid? entryId = null, Guid? messageId = null)
    {
        var id = entryId ?? Guid.NewGuid();
        await Bus.PublishAsync(new EntryAccepted(id, year, unitCode, "urban", 1400, "Trần Thị Bình", "Hàng Gai", receivedAt), messageId);
        return id;
    }

    public Task RefuseAsync(int year, string unitCode, string code, DateTimeOffset attemptedAt, Guid? attemptId = null) =>
        Bus.PublishAsync(new EntryRefused(attemptId ?? Guid.NewGuid(), year, unitCode, code, attemptedAt,
            code == "duplicate_entry" ? Guid.NewGuid() : null, code == "duplicate_entry" ? unitCode : null, code == "duplicate_entry" ? 0.97 : null));

    public async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(MessageSerialization.Options);
    }

    /// <summary>The tallies of the named units for a month, read through the public API (every page).</summary>
    public async Task<Dictionary<string, JsonElement>> TalliesAsync(int year, string month, params string[] unitCodes)
    {
        var all = new Dictionary<string, JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await GetJsonAsync(Anonymous, $"/api/reports/{year}/tallies?month={month}&page={page}&pageSize=200");
            foreach (var item in body.GetProperty("items").EnumerateArray())
            {
                all[item.GetProperty("unitCode").GetString()!] = item;
            }
            if (all.Count >= body.GetProperty("total").GetInt32())
            {
                break;
            }
        }
        return unitCodes.Where(all.ContainsKey).ToDictionary(c => c, c => all[c]);
    }

    /// <summary>Waits until the tallies of the named units read (quota, accepted, acceptedInMonth, duplicates, refused) as expected.</summary>
    public Task<Dictionary<string, JsonElement>> WaitForTalliesAsync(int year, string month, Dictionary<string, (int, int, int, int, int)> expected) =>
        Eventually.Until(() => TalliesAsync(year, month, [.. expected.Keys]),
            tallies => tallies.Count == expected.Count && expected.All(e => Numbers(tallies[e.Key]) == e.Value));

    public static (int, int, int, int, int) Numbers(JsonElement tally) => (
        tally.GetProperty("quota").GetInt32(), tally.GetProperty("accepted").GetInt32(), tally.GetProperty("acceptedInMonth").GetInt32(),
        tally.GetProperty("duplicates").GetInt32(), tally.GetProperty("refused").GetInt32());
}

/// <summary>The reporting service on a real loopback port, so a browser can load its page.</summary>
public sealed class KestrelServiceFactory : ServiceFactory<Program>
{
    public KestrelServiceFactory(RabbitMqBroker broker) : base(broker, ResourceNames.ReportingDb) => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
