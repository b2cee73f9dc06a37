using HoanKiem.ServiceDefaults.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoanKiem.ServiceDefaults.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// The outbox of <typeparamref name="TContext"/>: its options, the <see cref="OutboxInterceptor"/> the service's
    /// database adds to its contexts, the signal it rings, and the relay it wakes, with the relay's telemetry.
    /// </summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : ServiceDbContext
    {
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<OutboxTelemetry>();
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }
}
