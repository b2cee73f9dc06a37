using System.Data.Common;
using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HoanKiem.ServiceDefaults.Outbox;

/// <summary>
/// The outbox's one hook in EF Core. <see cref="ServiceDbContext.Publish{TEvent}"/> stores an event with the change
/// that raised it; this rings the <see cref="OutboxSignal"/> once they are committed: after a SaveChanges of its own,
/// or at the commit of the unit of work it was saved in.
/// </summary>
public sealed class OutboxInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        NotifyIfCommitted(eventData.Context, committing: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context, committing: true);
        return Task.CompletedTask;
    }

    private void NotifyIfCommitted(DbContext? context, bool committing = false)
    {
        if (context is ServiceDbContext { HasNewOutboxMessages: true } service && (committing || service.Database.CurrentTransaction is null))
        {
            service.HasNewOutboxMessages = false;
            signal.Notify();
        }
    }
}
