using System.Diagnostics;

namespace HoanKiem.Load.Bench;

public static class Settling
{
    /// <summary>
    /// Waits until the processes whose CPU time <paramref name="cpu"/> adds up use under a tenth of a core, or
    /// <paramref name="limit"/>: after a warm-up the JIT still compiles the hot methods again, optimized, for seconds, and
    /// that is not what the load costs. Returns how long it took.
    /// </summary>
    public static async Task<TimeSpan> UntilIdleAsync(Func<TimeSpan> cpu, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var clock = Stopwatch.StartNew();
        var before = cpu();
        while (clock.Elapsed < limit)
        {
            await Task.Delay(window, cancellationToken);
            var now = cpu();
            if (now - before < window * 0.1)
            {
                break;
            }
            before = now;
        }
        return clock.Elapsed;
    }
}
