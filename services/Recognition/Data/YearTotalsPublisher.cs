using HoanKiem.Contracts;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;

namespace HoanKiem.Recognition.Data;

/// <summary>
/// Publishes a year's figures as <see cref="RecognitionTotalsChanged"/> at most twice a second, for the years whose
/// counted changes the published figures do not take in yet. Recomputed and published with every save, they cost a
/// scan of the year's nominees and an event through the relay, the broker and reporting for each batch of accepted
/// entries: under load, more than the entries' own work here. Reporting keeps the highest version, so it loses nothing
/// but the figures in between.
/// </summary>
public sealed class YearTotalsPublisher(IServiceScopeFactory scopes, TimeProvider clock, RecognitionMetrics metrics, ILogger<YearTotalsPublisher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishStaleYearsAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Another replica published the same version first, or the database was busy: the year stays stale
                // and the next round tries again.
                logger.LogWarning(exception, "Publishing the year's recognition figures failed; the next round tries again");
            }
        }
    }

    private async Task PublishStaleYearsAsync(CancellationToken cancellationToken)
    {
        // The bookkeeping stays out of the traces, as the outbox relay's does: twice a second in an idle service.
        using var untraced = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecognitionDbContext>();
        var years = await db.YearTotals.Where(t => t.Changes != t.PublishedChanges).Select(t => t.Year).ToListAsync(cancellationToken);
        foreach (var year in years)
        {
            await db.RetryingAsync(token => PublishAsync(db, year, token), cancellationToken);
        }
    }

    private async Task PublishAsync(RecognitionDbContext db, int year, CancellationToken cancellationToken)
    {
        db.DiscardPendingChanges();
        await using var work = await db.BeginWriteAsync(cancellationToken);
        var stored = await db.YearTotals.SingleAsync(t => t.Year == year, cancellationToken);
        var current = await db.ComputeTotalsAsync(year, cancellationToken);
        // The changes read with the row, not the column's latest value: one counted after this read stays unpublished
        // until the next round, whatever the figures computed here already took in.
        stored.PublishedChanges = stored.Changes;
        var versionBefore = stored.Version;
        if (stored.Version == 0 || !stored.SameFiguresAs(current))
        {
            stored.Version++;
            stored.TakeFiguresOf(current);
            stored.ChangedAt = clock.GetUtcNow();
            db.Publish(new RecognitionTotalsChanged(year, stored.Version, stored.NomineesIntroduced, stored.Verified, stored.Rejected,
                stored.Commended, stored.UnitsCommended, stored.TotalAmount, stored.ChangedAt, stored.CommendedByCity));
        }
        await db.SaveChangesAsync(cancellationToken);
        await work.CommitAsync(cancellationToken);
        if (stored.Version != versionBefore)
        {
            metrics.FiguresPublished(year);
        }
    }
}
