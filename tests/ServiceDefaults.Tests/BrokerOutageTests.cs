using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>
/// Intake never depends on the broker: the real submission service accepts entries while RabbitMQ is dead, and
/// every EntryAccepted arrives exactly once after it comes back. A broker of its own, since this test kills it.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private RabbitMqBroker broker = null!;

    public async ValueTask InitializeAsync() => broker = await RabbitMqBroker.StartAsync();

    public ValueTask DisposeAsync() => broker.DisposeAsync();

    [Fact]
    public async Task Entries_are_accepted_while_the_broker_is_down_and_published_once_when_it_returns()
    {
        await using var service = new ServiceFactory<Program>(broker, ResourceNames.SubmissionDb);
        using var secretariat = service.CreateClient(TestCallers.Secretariat);
        await Eventually.Until(async () => (await secretariat.GetAsync("/health")).StatusCode, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        await using var bus = await TestBus.StartAsync(broker);
        await bus.RecordAsync<EntryAccepted>();
        await bus.RecordAsync<EntryTextSubmitted>();

        const int year = 2040;
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsJsonAsync("/api/units", new { code = "phuong-trang-tien", name = "Phường Tràng Tiền", kind = "ward" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = "Cuộc thi năm 2040",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(10)
        })).StatusCode);
        using var ward = service.CreateClient(TestCallers.Unit("phuong-trang-tien"));

        // The unit's and the contest's events relayed, the relay counts the entries' alone from here.
        await Eventually.Until(() => UnsentAsync(service), unsent => unsent == 0);
        using var relayed = new RelayedCopies(service.Services);
        await broker.KillAsync();
        var accepted = new List<Guid>();
        for (var seed = 0; seed < 12; seed++)
        {
            using var response = await ward.PostAsJsonAsync($"/api/contests/{year}/entries", TestData.Entry(7000 + seed, ward: "Tràng Tiền"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        Assert.True(await UnsentAsync(service) >= accepted.Count);

        await broker.RestartAsync();
        await Eventually.Until(() => UnsentAsync(service), unsent => unsent == 0, TimeSpan.FromSeconds(60));
        // Drained, the outbox sends no more, and every copy the broker confirmed (an entry's two events, and any
        // resent) reaches the test's queues.
        await Eventually.Until(() => Task.FromResult(bus.Received<EntryAccepted>().Count + bus.Received<EntryTextSubmitted>().Count),
            count => count >= Math.Max(2 * accepted.Count, relayed.Count), TimeSpan.FromSeconds(30));
        var received = bus.Received<EntryAccepted>();

        Assert.Equal(accepted.Order(), received.Select(r => r.Message.EntryId).Order());
        Assert.Equal(received.Count, received.Select(r => r.MessageId).Distinct().Count());
    }

    private static async Task<int> UnsentAsync(ServiceFactory<Program> service)
    {
        await using var scope = service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HoanKiem.Submission.Data.SubmissionDbContext>()
            .OutboxMessages.CountAsync(m => m.SentAt == null);
    }
}
