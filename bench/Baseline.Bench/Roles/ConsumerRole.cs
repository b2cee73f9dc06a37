using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HoanKiem.Baseline.Bench.Roles;

/// <summary>
/// A consuming service, bare: its own durable queue on the fanout exchange, each event stored as a row in its own
/// SQLite file. What has arrived is stored in one transaction and acknowledged with one multiple ack once committed.
/// </summary>
public static class ConsumerRole
{
    private const ushort Prefetch = 100;

    public static async Task<int> RunAsync(Arguments arguments)
    {
        using var database = Sqlite.Open(arguments.Text("database"), Sqlite.EntriesTable);
        var factory = new ConnectionFactory { Uri = new Uri(arguments.Text("amqp")) };
        var queue = $"baseline-consumer-{arguments.Number("index")}";
        await using var connection = await factory.CreateConnectionAsync(queue);
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(prefetchSize: 0, Prefetch, global: false);
        await channel.ExchangeDeclareAsync(EntryAccepted.Exchange, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, EntryAccepted.Exchange, routingKey: "");

        var arrived = Channel.CreateUnbounded<(ulong Tag, EntryAccepted Event)>(new UnboundedChannelOptions { SingleReader = true });
        var consumer = new AsyncEventingBasicConsumer(channel);
        // The body's memory is the client's again once this returns, so the event is read here.
        consumer.ReceivedAsync += (_, delivery) =>
        {
            arrived.Writer.TryWrite((delivery.DeliveryTag, JsonSerializer.Deserialize<EntryAccepted>(delivery.Body.Span, JsonSerializerOptions.Web)!));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        ChildProcess.ReportReady();

        var storing = StoreAsync(arrived.Reader, database, channel);
        await Task.WhenAny(ChildProcess.StandardInputClosed(), storing);
        arrived.Writer.Complete();
        await storing;
        return 0;
    }

    private static async Task StoreAsync(ChannelReader<(ulong Tag, EntryAccepted Event)> arrived, SqliteConnection database, IChannel channel)
    {
        // OR IGNORE: delivery is at least once, and a copy must not count twice.
        using var insert = database.Command("INSERT OR IGNORE INTO entries VALUES ($id, $unit, $title, $body, $receivedAt)",
            "$id", "$unit", "$title", "$body", "$receivedAt");
        var stored = 0L;
        while (await arrived.WaitToReadAsync())
        {
            var last = 0UL;
            using (var transaction = database.BeginTransaction())
            {
                insert.Transaction = transaction;
                while (arrived.TryRead(out var delivery))
                {
                    var (tag, message) = delivery;
                    insert.Parameters[0].Value = message.EntryId.ToString();
                    insert.Parameters[1].Value = message.Unit;
                    insert.Parameters[2].Value = message.Title;
                    insert.Parameters[3].Value = message.Body;
                    insert.Parameters[4].Value = message.ReceivedAt.ToString("O");
                    stored += insert.ExecuteNonQuery();
                    last = tag;
                }
                transaction.Commit();
            }
            await channel.BasicAckAsync(last, multiple: true);
            ChildProcess.ReportStored(stored);
        }
    }
}
