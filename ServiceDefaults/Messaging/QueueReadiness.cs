using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>
/// An event published before a service has bound its queues reaches none of them. On a broker that has never seen the
/// system (a backup restored on a new machine, whose outboxes send their last week again) a relay would drop whatever
/// it sent before the other services came up. So each service marks the broker once its queues are bound (a durable
/// exchange named after it), and its outbox relay sends nothing until every service named in
/// <see cref="ResourceNames.ServicesSetting"/> has marked it; on a broker that has seen them all, the marks are there and nothing waits.
/// </summary>
public sealed class QueueReadiness(string connectionString, string serviceName, IReadOnlyList<string> services,
    IBusControl bus, TimeProvider clock, ILogger<QueueReadiness> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static string Mark(string service) => $"hoankiem.bound.{service}";

    /// <summary>Completes once every service has bound its queues on this broker.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), ClientProvidedName = $"{serviceName}-readiness" };
        var reported = clock.GetTimestamp();
        var marked = false;
        if (services.Count == 0)
        {
            ready.TrySetResult();
        }
        while (!marked || !ready.Task.IsCompleted)
        {
            try
            {
                while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), clock, stoppingToken);
                }
                await using var connection = await factory.CreateConnectionAsync(stoppingToken);
                if (!marked)
                {
                    await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                    await channel.ExchangeDeclareAsync(Mark(serviceName), ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: stoppingToken);
                    marked = true;
                }
                while (await UnmarkedAsync(connection, stoppingToken) is { Count: > 0 } unmarked)
                {
                    if (clock.GetElapsedTime(reported) > ReportEvery)
                    {
                        reported = clock.GetTimestamp();
                        logger.LogWarning("The outbox waits to send until {Services} have bound their queues on this broker.", string.Join(", ", unmarked));
                    }
                    await Task.Delay(Poll, clock, stoppingToken);
                }
                ready.TrySetResult();
            }
            catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The broker could not be asked whether every service has bound its queues; asking again.");
                await Task.Delay(Poll, clock, stoppingToken);
            }
        }
    }

    private async Task<List<string>> UnmarkedAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var unmarked = new List<string>();
        foreach (var service in services)
        {
            // A passive declare of a missing exchange closes its channel, so each question gets a channel of its own.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.ExchangeDeclarePassiveAsync(Mark(service), cancellationToken);
            }
            catch (OperationInterruptedException)
            {
                unmarked.Add(service);
            }
        }
        return unmarked;
    }
}
