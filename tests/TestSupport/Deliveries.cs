using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace HoanKiem.TestSupport;

/// <summary>
/// The messages a service's bus has finished receiving, by message id, whether a consumer handled them, skipped them
/// as duplicates or failed: a duplicate or a message that changes nothing leaves no other trace to wait on.
/// </summary>
public sealed class Deliveries : IReceiveObserver
{
    private readonly ConcurrentDictionary<Guid, int> received = new();

    private Deliveries() { }

    public static Deliveries Of(IServiceProvider services)
    {
        var deliveries = new Deliveries();
        services.GetRequiredService<IBus>().ConnectReceiveObserver(deliveries);
        return deliveries;
    }

    public int Count(Guid messageId) => received.GetValueOrDefault(messageId);

    /// <summary>Waits until each of <paramref name="messageIds"/> has been received <paramref name="times"/> times.</summary>
    public Task WaitForAsync(IReadOnlyCollection<Guid> messageIds, int times = 1, TimeSpan? timeout = null) =>
        Eventually.Until(() => Task.FromResult(messageIds.Count(id => Count(id) >= times)), done => done == messageIds.Count, timeout);

    public Task WaitForAsync(Guid messageId, int times = 1) => WaitForAsync([messageId], times);

    public Task PostReceive(ReceiveContext context) => Record(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Record(context);

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    private Task Record(ReceiveContext context)
    {
        if (context.GetMessageId() is { } messageId)
        {
            received.AddOrUpdate(messageId, 1, (_, count) => count + 1);
        }
        return Task.CompletedTask;
    }
}
