using HoanKiem.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effect happens once per message id however often the message arrives: the inbox row
/// and the effect (and any events it queues) commit in one unit of work, and a redelivery finds the row.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, MessagingTelemetry telemetry) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without an id cannot be de-duplicated.");
        var consumer = GetType().Name;
        try
        {
            await db.RetryingAsync(_ => HandleOnceAsync(messageId, consumer, context), context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            db.DiscardPendingChanges();
            if (!await AlreadyHandledAsync(messageId, consumer, context.CancellationToken))
            {
                throw;
            }
            // Another replica handled the same delivery first: its effect stands, ours was rolled back.
            telemetry.DuplicatesSkipped.Add(1);
        }
    }

    private async Task HandleOnceAsync(Guid messageId, string consumer, ConsumeContext<TMessage> context)
    {
        db.DiscardPendingChanges();
        await using var work = await db.BeginWriteAsync(context.CancellationToken);
        if (await AlreadyHandledAsync(messageId, consumer, context.CancellationToken))
        {
            telemetry.DuplicatesSkipped.Add(1);
            return;
        }
        await HandleAsync(context.Message, context);
        db.InboxMessages.Add(new InboxMessage
        {
            MessageId = messageId,
            Consumer = consumer,
            ReceivedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
        });
        await db.SaveChangesAsync(context.CancellationToken);
        await work.CommitAsync(context.CancellationToken);
        telemetry.RecordLag(context, consumer);
    }

    /// <summary>
    /// Applies the message inside the unit of work: what it changes, saves or executes commits with the inbox row, and
    /// the base saves what it leaves tracked.
    /// </summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    private Task<bool> AlreadyHandledAsync(Guid messageId, string consumer, CancellationToken cancellationToken) =>
        db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
}
