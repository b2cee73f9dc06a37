using System.Data.Common;
using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
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

/// <summary>Rings the signal once events are committed: after SaveChanges, or after the commit of an explicit transaction.</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    internal void NotifyIfCommitted(DbContext? context, bool committing = false)
    {
        if (context is ServiceDbContext { HasNewOutboxMessages: true } service && (committing || service.Database.CurrentTransaction is null))
        {
            service.HasNewOutboxMessages = false;
            signal.Notify();
        }
    }
}

public sealed class OutboxCommitInterceptor(OutboxSignalInterceptor saves) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        saves.NotifyIfCommitted(eventData.Context, committing: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        saves.NotifyIfCommitted(eventData.Context, committing: true);
        return Task.CompletedTask;
    }
}

public static class OutboxSignalRegistration
{
    /// <summary>The signal and the interceptors that ring it; the database and the relay both need them.</summary>
    public static IServiceCollection AddOutboxSignal(this IServiceCollection services)
    {
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxSignalInterceptor>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        return services;
    }
}
