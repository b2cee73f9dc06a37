using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>
/// SQL Server's retrying execution strategy cannot run here, so a SQLite context gets one of the same kind: it retries
/// what the test marks transient, and like SQL Server's it refuses a transaction begun outside it.
/// </summary>
public sealed class DatabaseRetryTests : IAsyncDisposable
{
    private readonly string databasePath = TestDatabases.NewPath("retry");

    [Fact]
    public async Task A_unit_of_work_that_fails_transiently_runs_again_from_the_start_and_takes_effect_once()
    {
        await using (var setup = NewContext())
        {
            await setup.Database.EnsureCreatedAsync();
        }
        await using var db = NewContext();
        var tries = 0;

        await db.RetryingAsync(async token =>
        {
            tries++;
            await using var work = await db.BeginWriteAsync(token);
            db.Notes.Add(new Note { Id = Guid.CreateVersion7(), Text = $"try {tries}" });
            await db.SaveChangesAsync(token);
            if (tries == 1)
            {
                throw new TimeoutException("The server went away before the commit.");
            }
            await work.CommitAsync(token);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(2, tries);
        await using var check = NewContext();
        Assert.Equal(["try 2"], await check.Notes.Select(n => n.Text).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_unit_of_work_begun_outside_the_retrying_strategy_is_refused()
    {
        await using (var setup = NewContext())
        {
            await setup.Database.EnsureCreatedAsync();
        }
        await using var db = NewContext();

        var refusal = await Record.ExceptionAsync(async () =>
        {
            await using var work = await db.BeginWriteAsync();
            db.Notes.Add(new Note { Id = Guid.CreateVersion7(), Text = "outside" });
            await db.SaveChangesAsync();
        });

        Assert.IsType<InvalidOperationException>(refusal);
    }

    private MessagingDbContext NewContext() =>
        new(new DbContextOptionsBuilder<MessagingDbContext>()
            .UseSqlite($"Data Source={databasePath}", sqlite => sqlite.ExecutionStrategy(dependencies => new RetryingOnTimeouts(dependencies)))
            .Options);

    public ValueTask DisposeAsync()
    {
        TestDatabases.Delete(databasePath);
        return ValueTask.CompletedTask;
    }

    private sealed class RetryingOnTimeouts(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(10))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is TimeoutException;
    }
}
