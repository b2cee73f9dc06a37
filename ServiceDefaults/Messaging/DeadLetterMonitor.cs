using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoanKiem.ServiceDefaults.Messaging;

public sealed class DeadLetterOptions
{
    public const string Section = "DeadLetters";
    /// <summary>How often the depths behind the gauge are read: a dead letter waits for a person, not for a second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Reads the depth of this service's <c>_error</c> queues for the gauge, and logs a warning when one grows.</summary>
public sealed partial class DeadLetterMonitor(DeadLetterQueues queues, MessagingTelemetry telemetry, IOptions<DeadLetterOptions> options,
    ILogger<DeadLetterMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                foreach (var (queue, depth) in await queues.DepthsAsync(stoppingToken))
                {
                    var before = telemetry.DeadLetters.GetValueOrDefault(queue);
                    telemetry.DeadLetters[queue] = depth;
                    if (depth > before)
                    {
                        Grew(logger, queue, depth);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The broker is away: the consumers' own reconnection is what an operator watches then; the last depths stand.
                Unread(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "{Queue} holds {Depth} dead letters: list them and move them back once their cause is mended")]
    private static partial void Grew(ILogger logger, string queue, long depth);

    [LoggerMessage(LogLevel.Debug, "Dead letter queues not read: {Reason}")]
    private static partial void Unread(ILogger logger, string reason);
}
