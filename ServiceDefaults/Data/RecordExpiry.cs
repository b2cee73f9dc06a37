using HoanKiem.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HoanKiem.ServiceDefaults.Data;

/// <summary>
/// Forgets the plumbing's records once they can no longer matter, so that they neither grow without end nor keep what
/// clients sent longer than needed: idempotency keys after <see cref="Idempotency.Retention"/>, and the inbox's
/// handled-message ids after <see cref="InboxRetention"/>, far beyond any redelivery (the broker redelivers within
/// minutes; the retries give up after 33 s). Sent outbox events are forgotten by the relay itself after the same week.
/// </summary>
public sealed class RecordExpiry<TContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecordExpiry<TContext>> logger)
    : BackgroundService where TContext : ServiceDbContext
{
    public static readonly TimeSpan InboxRetention = TimeSpan.FromDays(7);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (keys, handled) = await RemoveExpiredAsync(scope.ServiceProvider.GetRequiredService<TContext>(), clock.GetUtcNow(), stoppingToken);
                if (keys + handled > 0)
                {
                    logger.LogInformation("Forgot {Keys} expired idempotency keys and {Handled} handled-message records.", keys, handled);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Expired records could not be removed; trying again in {Interval}.", Interval);
            }
        }
    }

    /// <summary>Removes the expired idempotency keys and inbox records; returns how many of each.</summary>
    public static async Task<(int Keys, int Handled)> RemoveExpiredAsync(ServiceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = await Idempotency.RemoveExpiredAsync(db, now, cancellationToken);
        var cutoff = (now - InboxRetention).ToUnixTimeMilliseconds();
        using var writing = await db.WriteLockAsync(cancellationToken);
        var handled = await db.InboxMessages.Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return (keys, handled);
    }
}
