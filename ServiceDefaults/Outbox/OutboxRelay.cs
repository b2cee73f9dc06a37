using System.Diagnostics;
using System.Text.Json;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using MassTransit.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace HoanKiem.ServiceDefaults.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    public int BatchSize { get; set; } = 200;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// How long the relay waits after being woken for more commits to join the batch (Kafka's linger.ms): under load
    /// one lease, read and mark then serve many events instead of one each; idle, an event waits this long at most.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Publishes stored events to the broker and marks each sent only once the broker has confirmed it.
/// A batch is leased to one instance at a time, so replicas share the work without relaying an event twice at once;
/// if an instance dies after the broker confirmed but before marking, the event goes again with the same
/// message id and the consumers' inbox drops the copy.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    OutboxTelemetry telemetry,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger,
    QueueReadiness? readiness = null) : BackgroundService where TContext : ServiceDbContext
{
    private readonly string instance = Guid.NewGuid().ToString("N");
    private long nextCleanup;
    private long nextAgeReading;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        if (readiness is not null)
        {
            await readiness.WaitAsync(stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                relayed = await RelayBatchAsync(settings, stoppingToken);
                failures = 0;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                logger.LogWarning(exception, "Outbox relay failed {Failures} time(s) in a row; retrying", failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 200 * Math.Pow(2, Math.Min(failures, 5)))), clock, stoppingToken);
                continue;
            }
            if (relayed < settings.BatchSize && await signal.WaitAsync(settings.PollInterval, stoppingToken) && settings.Linger > TimeSpan.Zero)
            {
                await Task.Delay(settings.Linger, clock, stoppingToken);
            }
        }
    }

    private async Task<int> RelayBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        // The bookkeeping queries stay out of the traces: each would be a trace of its own, several a second in every
        // service even when idle, burying the requests in the dashboard. Each event's publish is traced (PublishAsync).
        using var untraced = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (now >= nextAgeReading)
        {
            nextAgeReading = now + 1000;
            await ReadOldestUnsentAsync(db, cancellationToken);
        }

        using (await db.WriteLockAsync(cancellationToken))
        {
            await db.OutboxMessages
                .Where(m => m.SentAt == null && m.LockedUntil < now)
                .OrderBy(m => m.Sequence)
                .Take(settings.BatchSize)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockedBy, instance)
                    .SetProperty(m => m.LockedUntil, now + (long)settings.Lease.TotalMilliseconds), cancellationToken);
        }

        var batch = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.LockedBy == instance && m.LockedUntil > now)
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);

        if (batch.Count > 0)
        {
            // Between the once-a-second readings: a batch that cannot go out (the broker is away) shows its age at once,
            // and a drained outbox shows none.
            telemetry.OldestUnsentCreatedAt ??= batch[0].CreatedAt;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.PublishTimeout);
            var confirmed = await Task.WhenAll(batch.Select(message => PublishAsync(message, timeout.Token)));
            var sent = batch.Where((_, i) => confirmed[i]).Select(m => m.Sequence).ToList();
            var failed = batch.Where((_, i) => !confirmed[i]).Select(m => m.Sequence).ToList();
            var sentAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            using var writing = await db.WriteLockAsync(CancellationToken.None);
            if (sent.Count > 0)
            {
                await db.OutboxMessages.Where(m => sent.Contains(m.Sequence))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LockedBy, (string?)null), cancellationToken);
            }
            if (failed.Count == 0 && batch.Count < settings.BatchSize)
            {
                telemetry.OldestUnsentCreatedAt = null;
            }
            if (failed.Count > 0)
            {
                await db.OutboxMessages.Where(m => failed.Contains(m.Sequence))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, 0L)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException($"The broker did not confirm {failed.Count} of {batch.Count} events.");
            }
        }

        if (now >= nextCleanup)
        {
            nextCleanup = now + (long)settings.CleanupInterval.TotalMilliseconds;
            var cutoff = now - (long)settings.SentRetention.TotalMilliseconds;
            using var writing = await db.WriteLockAsync(cancellationToken);
            await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
        return batch.Count;
    }

    private async Task ReadOldestUnsentAsync(TContext db, CancellationToken cancellationToken)
    {
        // The lowest unsent sequence is the oldest event (give or take concurrent writers' milliseconds), found in the
        // (SentAt, LockedUntil, Sequence) index alone; MIN(CreatedAt) read every unsent row, and on SQLite each ~10 KB
        // row's overflow pages, on every batch: quadratic over a backlog, just when the relay must catch up.
        var oldest = await db.OutboxMessages.Where(m => m.SentAt == null).OrderBy(m => m.Sequence)
            .Select(m => (long?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        telemetry.OldestUnsentCreatedAt = oldest;
    }

    private async Task<bool> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var traced = SuppressInstrumentationScope.Begin(false);
        // Remote: a local parent that is not sampled makes OpenTelemetry create no activity at all, and the send would
        // then start a trace of its own; this way the event follows the decision made for the request that stored it.
        ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var parent);
        using var activity = telemetry.Source.StartActivity("outbox relay", ActivityKind.Producer, parent);
        try
        {
            var type = MessageSerialization.TypeOf(message.MessageType);
            var payload = JsonSerializer.Deserialize(message.Payload, type, MessageSerialization.Options)!;
            activity?.SetTag("messaging.message.id", message.MessageId);
            activity?.SetTag("messaging.message.type", type.Name);
            await bus.Publish(payload, type, Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = message.MessageId;
                // MassTransit writes the trace header only for a send it records (and then replaces this one): an event
                // of a trace that is not recorded carries it anyway, so its consumers do not start traces of their own.
                if (activity is not null)
                {
                    context.Headers.Set(DiagnosticHeaders.ActivityId, activity.Id);
                }
            }), cancellationToken);
            telemetry.Relayed.Add(1);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            telemetry.RelayFailures.Add(1);
            logger.LogDebug(exception, "Event {MessageId} not confirmed", message.MessageId);
            return false;
        }
    }
}
