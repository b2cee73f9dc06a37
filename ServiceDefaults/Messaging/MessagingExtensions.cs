using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HoanKiem.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// The waits between a failed message's attempts, spread out so that consumers racing on the same rows (several
    /// replicas) stop colliding in lockstep. A queue's consumers take turns on SQLite, so a message that keeps failing
    /// holds its queue back for their sum (33 s) before it goes to the <c>_error</c> queue.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> RetryIntervals =
        [.. new[] { 50, 150, 400, 1000, 2000, 3500, 5000, 8000, 13000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    /// <summary>
    /// RabbitMQ through MassTransit for one service: its consumers (from the service's assembly, batch consumers with
    /// their batch settings) on durable, kebab-case queues prefixed with <paramref name="serviceName"/> so every service
    /// gets its own copy of each event, retries and then the <c>_error</c> queue (watched and emptied through
    /// <see cref="DeadLetterQueues"/>), and the outbox relay for <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing: the app host provides it with WithReference.");
        var broker = new Uri(connectionString);

        builder.Services.Configure<BatchConsumerOptions>(builder.Configuration.GetSection(BatchConsumerOptions.Section));
        builder.Services.AddSingleton<MessagingTelemetry>();
        builder.Services.Configure<DeadLetterOptions>(builder.Configuration.GetSection(DeadLetterOptions.Section));
        builder.Services.AddSingleton(new DeadLetterQueues(connectionString, serviceName));
        builder.Services.AddReceiveEndpointObserver(services => services.GetRequiredService<DeadLetterQueues>());
        builder.Services.AddHostedService<DeadLetterMonitor>();
        var services = builder.Configuration[ResourceNames.ServicesSetting]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<QueueReadiness>(provider, connectionString, serviceName, (IReadOnlyList<string>)services));
        builder.Services.AddHostedService(provider => provider.GetRequiredService<QueueReadiness>());
        builder.Services.AddOutbox<TContext>(builder.Configuration);
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit would report usage to usage-tracking.masstransit.io; a district office's system tells third
            // parties nothing (and offline, each service logged a failed report five minutes after it started).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            var consumers = typeof(TContext).Assembly;
            bus.AddConsumers(type => !IsBatchConsumer(type), consumers);
            foreach (var batchConsumer in consumers.GetTypes().Where(IsBatchConsumer))
            {
                bus.AddConsumer(batchConsumer, typeof(IdempotentBatchConsumerDefinition<>).MakeGenericType(batchConsumer));
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
                var virtualHost = broker.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port), virtualHost, host =>
                {
                    host.Username(credentials.ElementAtOrDefault(0) is { Length: > 0 } user ? user : "guest");
                    host.Password(credentials.ElementAtOrDefault(1) ?? "guest");
                });
                rabbit.PrefetchCount = 32;
                // SQLite has one writer at a time, and a writer waiting for a replica's blocks a thread: consumers taking
                // turns per queue keep a backlog (a restart after an outage) from starving the pool that serves /health.
                if (context.GetService<ServiceDatabaseInfo>()?.Provider == DatabaseProvider.Sqlite)
                {
                    rabbit.ConcurrentMessageLimit = 1;
                }
                rabbit.UseMessageRetry(retry => retry.Intervals([.. RetryIntervals]));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static bool IsBatchConsumer(Type consumerType)
    {
        for (var type = consumerType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IdempotentBatchConsumer<,>))
            {
                return true;
            }
        }
        return false;
    }
}
