using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace HoanKiem.Baseline.Bench.Roles;

/// <summary>
/// Publishes stored events to the fanout exchange and marks them sent once the broker confirmed them: a batch goes out
/// pipelined, every confirm outstanding at once, then is marked in one statement.
/// </summary>
public sealed class Relay(EntryStore store, string amqp) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp) };
        await using var connection = await factory.CreateConnectionAsync("baseline-relay", stoppingToken);
        // The default limiter (128 permits, throttling at half) delays a publish by 500 ms or more once over 64
        // confirms are outstanding; a batch must never meet it.
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(2 * BatchSize)), stoppingToken);
        await channel.ExchangeDeclareAsync(EntryAccepted.Exchange, ExchangeType.Fanout, durable: true, cancellationToken: stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = store.ReadUnsent(BatchSize);
            if (batch.Count == 0)
            {
                await store.NextStoredAsync(stoppingToken);
                continue;
            }
            var confirms = batch.Select(row => channel.BasicPublishAsync(EntryAccepted.Exchange, routingKey: "", mandatory: false,
                new BasicProperties { Persistent = true, MessageId = row.MessageId, ContentType = "application/json" }, row.Body, stoppingToken)).ToList();
            foreach (var confirm in confirms)
            {
                await confirm;
            }
            await store.MarkSentAsync(batch[^1].Sequence);
        }
    }
}
