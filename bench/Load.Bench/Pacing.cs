using System.Diagnostics;

namespace HoanKiem.Load.Bench;

/// <summary>A phase's requests as fast as its workers go, or at a steady rate: the i-th due i ÷ rate seconds after the first.</summary>
public static class Pacing
{
    /// <summary>Paced, four times the workers, so that a slow answer does not hold the requests due after it.</summary>
    public static int Workers(int concurrency, double? ratePerSecond) => ratePerSecond is null ? concurrency : concurrency * 4;

    /// <summary>Waits until request <paramref name="index"/> is due, counted from the <paramref name="start"/> timestamp.</summary>
    public static async Task UntilDueAsync(int index, double? ratePerSecond, long start, CancellationToken cancellationToken = default)
    {
        if (ratePerSecond is { } rate && TimeSpan.FromSeconds(index / rate) - Stopwatch.GetElapsedTime(start) is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
