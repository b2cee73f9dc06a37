using System.Collections.Concurrent;

namespace HoanKiem.Load.Bench;

/// <summary>Durations recorded from many tasks, read as percentiles in milliseconds.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> milliseconds = [];

    public void Add(TimeSpan duration) => milliseconds.Add(duration.TotalMilliseconds);

    public double P(double quantile)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
    }
}
