using RabbitMQ.Client;

namespace HoanKiem.TestSupport;

/// <summary>What the broker itself says about a queue, read with RabbitMQ.Client rather than through MassTransit.</summary>
public static class QueueInspection
{
    /// <summary>Consumers attached to an existing queue; a queue that does not exist fails here.</summary>
    public static async Task<uint> ConsumersAsync(string connectionString, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync("hoankiem-queue-inspection");
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
    }
}
