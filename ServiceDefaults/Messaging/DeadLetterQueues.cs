using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MassTransit;
using RabbitMQ.Client;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>
/// A message MassTransit moved to an <c>_error</c> queue once its retries were spent, described by the headers it
/// added: the body, which may name people, is never read.
/// </summary>
public sealed record DeadLetter(string Queue, Guid? MessageId, string? MessageType, DateTimeOffset? FailedAt, string? ExceptionType, string? Reason);

/// <summary>
/// This service's <c>_error</c> queues (one behind each of its receive endpoints, made by MassTransit on the first
/// failure), read and emptied over AMQP with the service's own broker credentials, so the same code works against
/// both broker modes with or without the management plugin. Moving a message back republishes it unchanged (its
/// message id and body) to the queue it failed on, then acknowledges it: a crash in between leaves a copy in each
/// queue, and the consumer's inbox applies the message once.
/// </summary>
public sealed class DeadLetterQueues(string connectionString, string serviceName) : IReceiveEndpointObserver, IAsyncDisposable
{
    public const string Suffix = "_error";
    private const int ReasonLength = 500;
    private static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason"];

    private readonly ConnectionFactory factory = new() { Uri = new Uri(connectionString), ClientProvidedName = $"{serviceName}-dead-letters" };
    private readonly ConcurrentDictionary<string, byte> queues = new();
    private readonly SemaphoreSlim connecting = new(1, 1);
    private IConnection? connection;

    /// <summary>The <c>_error</c> queue of every endpoint of this service that has started, whether it exists yet or not.</summary>
    public IReadOnlyList<string> Queues => [.. queues.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Messages waiting in each queue.</summary>
    public async Task<IReadOnlyDictionary<string, long>> DepthsAsync(CancellationToken cancellationToken)
    {
        var depths = new Dictionary<string, long>();
        var broker = await ConnectionAsync(cancellationToken);
        foreach (var queue in Queues)
        {
            await using var channel = await broker.CreateChannelAsync(cancellationToken: cancellationToken);
            depths[queue] = await DepthAsync(channel, queue, cancellationToken);
        }
        return depths;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> dead letters, oldest first per queue. They are taken without acknowledgement and
    /// given back when the channel closes, so each keeps its place.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var found = new List<DeadLetter>();
        var broker = await ConnectionAsync(cancellationToken);
        foreach (var queue in Queues)
        {
            await using var channel = await broker.CreateChannelAsync(cancellationToken: cancellationToken);
            if (await DepthAsync(channel, queue, cancellationToken) is not > 0)
            {
                continue;
            }
            while (found.Count < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } message)
            {
                found.Add(Describe(queue, message.BasicProperties));
            }
            await channel.CloseAsync(cancellationToken);
        }
        return found;
    }

    /// <summary>
    /// Moves the dead letters of <paramref name="queue"/> (every queue if null), only those in <paramref name="messageIds"/>
    /// if given, back to the queue each failed on. Only what the queue held when the move began is looked at: a message
    /// that fails again meanwhile waits for the next move.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> MoveAsync(string? queue, IReadOnlySet<Guid>? messageIds, CancellationToken cancellationToken)
    {
        var moved = new List<DeadLetter>();
        var broker = await ConnectionAsync(cancellationToken);
        foreach (var errorQueue in queue is null ? Queues : [queue])
        {
            await using var channel = await broker.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            var waiting = await DepthAsync(channel, errorQueue, cancellationToken);
            for (var i = 0; i < waiting && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message; i++)
            {
                var letter = Describe(errorQueue, message.BasicProperties);
                if (messageIds is not null && (letter.MessageId is not { } id || !messageIds.Contains(id)))
                {
                    continue;
                }
                var properties = new BasicProperties(message.BasicProperties)
                {
                    Headers = message.BasicProperties.Headers?
                        .Where(h => !FaultHeaderPrefixes.Any(prefix => h.Key.StartsWith(prefix, StringComparison.Ordinal)))
                        .ToDictionary(h => h.Key, h => h.Value)
                };
                // Straight to the queue through the default exchange; mandatory and confirmed, so the letter is only
                // acknowledged once the queue holds it again.
                await channel.BasicPublishAsync("", OriginalQueue(errorQueue), mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                moved.Add(letter);
            }
            await channel.CloseAsync(cancellationToken);
        }
        return moved;
    }

    public static string OriginalQueue(string errorQueue) => errorQueue[..^Suffix.Length];

    /// <summary>
    /// Declares the queue as MassTransit declares an <c>_error</c> queue (durable, no arguments), so it exists from the
    /// start: asking after a queue not yet made would be a channel error the broker logs, every poll, for every queue.
    /// </summary>
    private static async Task<uint> DepthAsync(IChannel channel, string queue, CancellationToken cancellationToken) =>
        (await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: null,
            cancellationToken: cancellationToken)).MessageCount;

    private static DeadLetter Describe(string queue, IReadOnlyBasicProperties properties)
    {
        var reason = Header(properties, "MT-Fault-Message");
        return new DeadLetter(
            queue,
            Guid.TryParse(properties.MessageId, out var id) ? id : null,
            Header(properties, "MT-Fault-MessageType") ?? properties.Type,
            DateTimeOffset.TryParse(Header(properties, "MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            Header(properties, "MT-Fault-ExceptionType"),
            reason is { Length: > ReasonLength } ? reason[..ReasonLength] : reason);
    }

    /// <summary>AMQP carries header strings as bytes, and a list of them for a message of several types.</summary>
    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true ? Text(value) : null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)
    };

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (connection is { IsOpen: true } open)
        {
            return open;
        }
        await connecting.WaitAsync(cancellationToken);
        try
        {
            if (connection is not { IsOpen: true })
            {
                connection?.Dispose();
                connection = await factory.CreateConnectionAsync(cancellationToken);
            }
            return connection;
        }
        finally
        {
            connecting.Release();
        }
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        // Only this service's durable endpoints; the bus's own temporary endpoint dead-letters nothing.
        var queue = ready.InputAddress.AbsolutePath.Split('/')[^1];
        if (queue.StartsWith(serviceName + "-", StringComparison.Ordinal))
        {
            queues.TryAdd(queue + Suffix, 0);
        }
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;
    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        connecting.Dispose();
    }
}
