using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HoanKiem.TestSupport;

/// <summary>
/// Makes the broker deliver every message published to the given exchanges twice, with no help from the services: a
/// queue of its own bound to each exchange receives every message and publishes its raw bytes and properties (the
/// same message id) to the same exchange once more, so every bound queue gets a second copy. The copy carries a
/// header, and the tap never copies a message that carries it, so the doubling stops there.
/// </summary>
public sealed class DuplicatingTap : IAsyncDisposable
{
    public const string CopyHeader = "x-hoankiem-tap-copy";

    private readonly IConnection connection;
    private readonly IChannel consuming;
    private readonly IChannel publishing;
    private readonly ConcurrentDictionary<string, int> copies = new();

    private DuplicatingTap(IConnection connection, IChannel consuming, IChannel publishing)
    {
        this.connection = connection;
        this.consuming = consuming;
        this.publishing = publishing;
    }

    /// <summary>Exchanges must already exist (a consumer has bound to them): a wrong name fails here, not silently.</summary>
    public static async Task<DuplicatingTap> StartAsync(string connectionString, IEnumerable<string> exchanges)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        var connection = await factory.CreateConnectionAsync("hoankiem-duplicating-tap");
        var consuming = await connection.CreateChannelAsync();
        // Confirms on the copies: a copy the broker did not take is not counted as delivered twice.
        var publishing = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var tap = new DuplicatingTap(connection, consuming, publishing);

        var queue = await consuming.QueueDeclareAsync(queue: $"duplicating-tap-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true);
        foreach (var exchange in exchanges)
        {
            await consuming.ExchangeDeclarePassiveAsync(exchange);
            await consuming.QueueBindAsync(queue.QueueName, exchange, routingKey: "");
            tap.copies[exchange] = 0;
        }
        var consumer = new AsyncEventingBasicConsumer(consuming);
        consumer.ReceivedAsync += tap.CopyAsync;
        await consuming.BasicConsumeAsync(queue.QueueName, autoAck: false, consumer);
        return tap;
    }

    /// <summary>Copies the broker confirmed, per exchange: proof that the deliveries were really doubled.</summary>
    public IReadOnlyDictionary<string, int> Copies => copies;

    private async Task CopyAsync(object sender, BasicDeliverEventArgs delivery)
    {
        if (delivery.BasicProperties.Headers?.ContainsKey(CopyHeader) != true)
        {
            var properties = new BasicProperties(delivery.BasicProperties)
            {
                Headers = new Dictionary<string, object?>(delivery.BasicProperties.Headers ?? new Dictionary<string, object?>()) { [CopyHeader] = 1 }
            };
            await publishing.BasicPublishAsync(delivery.Exchange, delivery.RoutingKey, mandatory: false, properties, delivery.Body.ToArray());
            copies.AddOrUpdate(delivery.Exchange, 1, (_, count) => count + 1);
        }
        await consuming.BasicAckAsync(delivery.DeliveryTag, multiple: false);
    }

    public async ValueTask DisposeAsync()
    {
        await consuming.CloseAsync();
        await publishing.CloseAsync();
        await connection.CloseAsync();
        connection.Dispose();
    }
}
