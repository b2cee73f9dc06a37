using HoanKiem.ServiceDefaults.Data;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>
/// A second app host, started from a backup of the suite's system taken while units sent entries, as an operator
/// restores one onto a new machine; with two replicas of the gateway and of the web app (the suite's runs one gateway:
/// its rate limits and sign-in throttle count per replica) and one of each service; its gateway reads its keys' folder
/// again every two seconds.
/// </summary>
public sealed class SecondSystemFixture(SystemFixture source) : IAsyncLifetime
{
    /// <summary>Entries the units send while the backup is taken, a third of them before it begins.</summary>
    private const int Entries = 90;

    private readonly string backup = Path.Combine(Path.GetTempPath(), "hoankiem-system-tests", $"backup-{Guid.NewGuid():N}");

    public SystemFixture System { get; } = new()
    {
        GatewayReplicas = 2, WebReplicas = 2, ServiceReplicas = 1, GatewayKeyRefresh = TimeSpan.FromSeconds(2), SharesYearsWith = source
    };

    /// <summary>The contest year the units sent to while the backup was taken.</summary>
    public int BackedUpYear { get; private set; }

    /// <summary>The entries the source system had accepted (answered 201) before the backup began.</summary>
    public IReadOnlySet<Guid> AcceptedBeforeBackup { get; private set; } = new HashSet<Guid>();

    public async ValueTask InitializeAsync()
    {
        using (var driver = await FaultDriver.StartAsync(source, "backup", unitCount: 4))
        {
            BackedUpYear = driver.Year;
            var sending = driver.SubmitAsync(Entries);
            await Eventually.Until(() => Task.FromResult(driver.Answered), answered => answered >= Entries / 3, TimeSpan.FromMinutes(3));
            AcceptedBeforeBackup = driver.AcceptedEntries();
            await SqliteBackup.BackUpAsync(SqliteBackup.ServiceDatabases.Select(database => Path.Combine(source.DataDirectory, database + ".db")), backup);
            await sending;
        }
        await SqliteBackup.RestoreAsync(backup, Directory.CreateDirectory(System.DataDirectory).FullName);
        await System.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await System.DisposeAsync();
        Directory.Delete(backup, recursive: true);
    }
}
