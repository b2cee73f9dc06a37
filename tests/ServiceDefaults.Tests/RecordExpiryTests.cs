using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

public sealed class RecordExpiryTests : IAsyncDisposable
{
    private readonly string databasePath = TestDatabases.NewPath("expiry");

    [Fact]
    public async Task Idempotency_keys_older_than_a_day_and_inbox_records_older_than_a_week_are_removed_and_the_rest_kept()
    {
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(7));
        long Ago(TimeSpan age) => (now - age).ToUnixTimeMilliseconds();
        await using (var db = NewContext())
        {
            await db.Database.EnsureCreatedAsync();
            db.IdempotencyRecords.AddRange(
                new IdempotencyRecord { Scope = "unit-a", Key = "old", RequestHash = "h", StatusCode = 201, CreatedAt = Ago(TimeSpan.FromHours(25)) },
                new IdempotencyRecord { Scope = "unit-a", Key = "recent", RequestHash = "h", StatusCode = 201, CreatedAt = Ago(TimeSpan.FromHours(23)) });
            db.InboxMessages.AddRange(
                new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "old", ReceivedAt = Ago(TimeSpan.FromDays(8)) },
                new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "recent", ReceivedAt = Ago(TimeSpan.FromDays(6)) });
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            Assert.Equal((1, 1), await RecordExpiry<MessagingDbContext>.RemoveExpiredAsync(db, now, CancellationToken.None));
        }

        await using (var db = NewContext())
        {
            Assert.Equal(["recent"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
            Assert.Equal(["recent"], await db.InboxMessages.Select(m => m.Consumer).ToListAsync());
        }
    }

    private MessagingDbContext NewContext() =>
        new(new DbContextOptionsBuilder<MessagingDbContext>().UseSqlite($"Data Source={databasePath}").Options);

    public ValueTask DisposeAsync()
    {
        TestDatabases.Delete(databasePath);
        return ValueTask.CompletedTask;
    }
}
