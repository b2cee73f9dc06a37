using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace HoanKiem.Gateway.Identity;

/// <summary>
/// Has OpenIddict's options built again every <see cref="Interval"/>, which loads the <see cref="KeyRing"/> again: a
/// gateway that runs for months rotates on time, and a replica publishes the key another replica made (a day before
/// either signs with it) instead of only at its next start.
/// </summary>
public sealed class KeyRefresh(TimeProvider clock, IOptions<IssuerOptions> settings) : BackgroundService, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    private CancellationTokenSource changed = new();

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(changed.Token);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.KeyRefresh ?? Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            using var previous = Interlocked.Exchange(ref changed, new CancellationTokenSource());
            await previous.CancelAsync();
        }
    }
}
