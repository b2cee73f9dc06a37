using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>Wakes the relay the moment a transaction with events commits; polling remains the fallback.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfNeeded(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfNeeded(eventData);
        return ValueTask.FromResult(result);
    }

    private void NotifyIfNeeded(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is ServiceDbContext { HasNewOutboxMessages: true } context)
        {
            context.HasNewOutboxMessages = false;
            signal.Notify();
        }
    }
}

public static class OutboxSignalRegistration
{
    /// <summary>The signal and the interceptor that rings it; the database and the relay both need them.</summary>
    public static IServiceCollection AddOutboxSignal(this IServiceCollection services)
    {
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxSignalInterceptor>();
        return services;
    }
}
