using System.Collections.Concurrent;
using System.Diagnostics;
using HoanKiem.Client.Reporting;

namespace HoanKiem.Load.Bench;

/// <summary>
/// Polls the year's tallies through the gateway and remembers when each unit's accepted count first reached each value,
/// so an accepted entry's "visible in tallies" time is the first poll that answered with enough entries for its unit.
/// </summary>
public sealed class TallyWatcher(ReportingClient reporting, int year, IReadOnlyList<string> units)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private const int PageSize = 200;
    private readonly ConcurrentDictionary<string, List<(int Count, long Seen)>> history = new();
    private readonly ConcurrentDictionary<string, int> latest = new();

    public async Task<Dictionary<string, int>> SnapshotAsync()
    {
        // Tallies list every unit of the system, paged: after a few runs on one system this run's units are not all on
        // the first page.
        var counts = new Dictionary<string, int>();
        for (var page = 1; counts.Count < units.Count; page++)
        {
            var items = (await reporting.GetTalliesAsync(year, null, page, PageSize)).Items;
            foreach (var row in items.Where(row => units.Contains(row.UnitCode)))
            {
                counts[row.UnitCode] = row.Accepted;
            }
            if (items.Count < PageSize)
            {
                break;
            }
        }
        var seen = Stopwatch.GetTimestamp();
        foreach (var (unit, count) in counts)
        {
            if (count > latest.GetValueOrDefault(unit))
            {
                latest[unit] = count;
                var list = history.GetOrAdd(unit, _ => []);
                lock (list)
                {
                    list.Add((count, seen));
                }
            }
        }
        return counts;
    }

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await SnapshotAsync();
            try
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task UntilAsync(IReadOnlyDictionary<string, int> expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && expected.Any(pair => latest.GetValueOrDefault(pair.Key) < pair.Value))
        {
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The timestamp of the first poll that showed at least <paramref name="count"/> accepted entries.</summary>
    public long? FirstSeen(string unit, int count)
    {
        if (!history.TryGetValue(unit, out var list))
        {
            return null;
        }
        lock (list)
        {
            return list.Where(point => point.Count >= count).Select(point => (long?)point.Seen).FirstOrDefault();
        }
    }
}
