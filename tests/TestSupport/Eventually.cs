using System.Diagnostics;

namespace HoanKiem.TestSupport;

/// <summary>Waits for an eventually consistent fact (an event consumed, a relay run) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Not reached within {limit.TotalSeconds} s; last value: {value}");
            }
            await Task.Delay(100);
        }
    }
}
