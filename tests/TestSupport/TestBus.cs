using System.Collections.Concurrent;
using MassTransit;

namespace HoanKiem.TestSupport;

/// <summary>
/// A bus of the test's own on the real broker: publishes events as another service would (with a chosen message id,
/// to deliver the same message twice) and records the events a service publishes.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly IBusControl bus;
    private readonly ConcurrentDictionary<Type, ConcurrentQueue<(Guid? MessageId, object Message)>> received = new();

    private TestBus(IBusControl bus) => this.bus = bus;

    public static async Task<TestBus> StartAsync(RabbitMqBroker broker)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(broker.ConnectAs);
        await bus.StartAsync();
        return new TestBus(bus);
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    /// <summary>
    /// Starts recording every <typeparamref name="T"/> published from now on, on a durable queue so that nothing is
    /// lost while the broker restarts.
    /// </summary>
    public async Task RecordAsync<T>() where T : class
    {
        var queue = received.GetOrAdd(typeof(T), _ => new());
        var handle = bus.ConnectReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.Handler<T>(context =>
            {
                queue.Enqueue((context.MessageId, context.Message));
                return Task.CompletedTask;
            });
        });
        await handle.Ready;
    }

    public IReadOnlyList<(Guid? MessageId, T Message)> Received<T>() where T : class =>
        received.TryGetValue(typeof(T), out var queue) ? queue.Select(r => (r.MessageId, (T)r.Message)).ToList() : [];

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
