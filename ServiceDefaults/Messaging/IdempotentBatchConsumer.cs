using HoanKiem.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HoanKiem.ServiceDefaults.Messaging;

public sealed class BatchConsumerOptions
{
    public const string Section = "BatchConsumers";
    public int MessageLimit { get; set; } = 100;
    /// <summary>How long a batch may wait for more messages after its first: the most it adds to an event's way.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(10);
}

/// <summary>
/// An <see cref="IdempotentConsumer{TMessage,TContext}"/> for the events every entry sends (one per entry, so thousands
/// a day at the deadline): the messages that arrived together are handled in one transaction with one inbox row each.
/// Per message that saves a transaction, an inbox lookup and the consumer's own queries, which on two cores decide how
/// many entries per second the system keeps up with. A message id already in the inbox, or twice in the batch, is skipped.
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage, TContext>(TContext db, MessagingTelemetry telemetry) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected TContext Db => db;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        telemetry.BatchSize.Record(context.Message.Length);
        try
        {
            await db.RetryingAsync(token => HandleInOneTransactionAsync(context.Message, token), context.CancellationToken);
        }
        catch (Exception) when (context.Message.Length > 1 && !context.CancellationToken.IsCancellationRequested)
        {
            // A batch succeeds or fails as a whole in MassTransit, retries included: one message that cannot be handled
            // would take the others to the _error queue with it. Each on its own, the others take effect, and their
            // retries and any later move back from the _error queue find them in the inbox.
            var failures = new List<Exception>();
            foreach (var delivery in context.Message)
            {
                try
                {
                    await db.RetryingAsync(token => HandleInOneTransactionAsync([delivery], token), context.CancellationToken);
                }
                catch (Exception exception)
                {
                    failures.Add(exception);
                }
            }
            if (failures.Count > 0)
            {
                throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
            }
        }
    }

    private async Task HandleInOneTransactionAsync(IEnumerable<ConsumeContext<TMessage>> deliveries, CancellationToken cancellationToken)
    {
        var consumer = GetType().Name;
        var ids = deliveries
            .Select(m => m.MessageId ?? throw new InvalidOperationException("A message without an id cannot be de-duplicated."))
            .Distinct().ToList();

        // SQLite: an IMMEDIATE transaction, so replicas take turns and the inbox read below cannot go stale before the
        // write. SQL Server: a replica that handled one of these meanwhile makes the inbox insert fail, and the retry
        // finds its row.
        db.DiscardPendingChanges();
        await using var work = await db.BeginWriteAsync(cancellationToken);
        var handled = (await db.InboxMessages.Where(m => m.Consumer == consumer && ids.Contains(m.MessageId))
            .Select(m => m.MessageId).ToListAsync(cancellationToken)).ToHashSet();
        var receivedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var fresh = new List<TMessage>();
        var freshDeliveries = new List<ConsumeContext<TMessage>>();
        foreach (var delivery in deliveries)
        {
            if (!handled.Add(delivery.MessageId!.Value))
            {
                telemetry.DuplicatesSkipped.Add(1);
                continue;
            }
            fresh.Add(delivery.Message);
            freshDeliveries.Add(delivery);
            db.InboxMessages.Add(new InboxMessage { MessageId = delivery.MessageId.Value, Consumer = consumer, ReceivedAt = receivedAt });
        }
        if (fresh.Count == 0)
        {
            return;
        }
        await HandleAsync(fresh, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await work.CommitAsync(cancellationToken);
        foreach (var delivery in freshDeliveries)
        {
            telemetry.RecordLag(delivery, consumer);
        }
    }

    /// <summary>
    /// Applies the messages in their order of arrival, inside the unit of work: what it changes, saves or executes commits
    /// with their inbox rows, and the base saves what it leaves tracked.
    /// </summary>
    protected abstract Task HandleAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);
}

/// <summary>Batches of up to <see cref="BatchConsumerOptions.MessageLimit"/>, one at a time per replica.</summary>
public sealed class IdempotentBatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var settings = context.GetRequiredService<IOptions<BatchConsumerOptions>>().Value;
        // The options also raise the endpoint's prefetch and concurrent message limit to the batch size, or a batch
        // could never fill.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(settings.MessageLimit)
            .SetTimeLimit(settings.TimeLimit)
            .SetConcurrencyLimit(1));
    }
}
