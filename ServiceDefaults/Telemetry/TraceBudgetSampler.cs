using OpenTelemetry.Trace;

namespace HoanKiem.ServiceDefaults.Telemetry;

/// <summary>
/// Starts at most <c>tracesPerSecond</c> new traces a second in this process, after a burst of up to <see cref="Burst"/>
/// (a token bucket), among those <paramref name="share"/> keeps. Used for roots only: a trace's later spans follow the
/// root's decision, so a trace is kept or dropped whole. At an office's everyday pace every request is traced, and so is
/// the handful of calls a page makes at once; under load the dashboard gets a steady number of complete traces instead
/// of the exporters dropping spans from all of them once its intake falls behind.
/// </summary>
public sealed class TraceBudgetSampler(Sampler share, double tracesPerSecond, TimeProvider clock) : Sampler
{
    public const double Burst = 10;

    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly Lock gate = new();
    private readonly double capacity = Math.Max(Burst, tracesPerSecond);
    private double tokens = Math.Max(Burst, tracesPerSecond);
    private long refilledAt = clock.GetTimestamp();

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var decision = share.ShouldSample(samplingParameters);
        if (decision.Decision == SamplingDecision.Drop)
        {
            return decision;
        }
        lock (gate)
        {
            var now = clock.GetTimestamp();
            tokens = Math.Min(capacity, tokens + clock.GetElapsedTime(refilledAt, now).TotalSeconds * tracesPerSecond);
            refilledAt = now;
            if (tokens < 1)
            {
                return Drop;
            }
            tokens--;
        }
        return decision;
    }
}
