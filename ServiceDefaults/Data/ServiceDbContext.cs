using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Outbox;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HoanKiem.ServiceDefaults.Data;

/// <summary>
/// The base of every service's database: its own tables plus the outbox (events to publish), the inbox
/// (messages already handled), the idempotency keys and the audit trail, so each lives in the same transaction as the change.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    internal bool HasNewOutboxMessages { get; set; }

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriteGates = new(StringComparer.Ordinal);
    private int writeLocks;

    /// <summary>
    /// Takes this process's turn to write to the database, until disposed. SQLite lets one connection write at a time and
    /// makes the others sleep and poll (busy_timeout), which under load costs far more than the writes themselves;
    /// writers of one process queue here instead, and only other processes (replicas) still meet the busy wait.
    /// SaveChanges takes it by itself, <see cref="BeginWriteAsync"/> with its transaction; take it explicitly only for an
    /// ExecuteUpdate/ExecuteDelete outside one.
    /// A no-op on SQL Server, whose row locks queue writers already.
    /// </summary>
    public async ValueTask<IDisposable> WriteLockAsync(CancellationToken cancellationToken = default)
    {
        if (!Database.IsSqlite() || writeLocks > 0)
        {
            return new WriteLock(this, null);
        }
        var gate = SqliteWriteGate(Database.GetDbConnection().DataSource);
        await gate.WaitAsync(cancellationToken);
        return new WriteLock(this, gate);
    }

    /// <summary>
    /// Begins a unit of work: this process's turn to write (<see cref="WriteLockAsync"/>) and a transaction, held together
    /// until disposed; what is not committed by then is rolled back. On SQLite the transaction begins IMMEDIATE, so what
    /// the work reads cannot go stale before it writes, also across replicas.
    /// </summary>
    public async Task<UnitOfWork> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var writing = await WriteLockAsync(cancellationToken);
        try
        {
            return new UnitOfWork(this, writing, await Database.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            writing.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> as a whole that the provider's execution strategy may run again: on SQL Server a
    /// transient failure (a failover, a server still starting) rolls it back and repeats it from the start, with nothing
    /// kept from the failed try. A <see cref="BeginWriteAsync"/> on SQL Server must run inside one, as the retrying
    /// strategy refuses a transaction begun outside it; on SQLite the work runs once. Nested, it runs as part of the outer.
    /// </summary>
    public Task<TResult> RetryingAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        var tries = 0;
        return Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (tries++ > 0)
            {
                DiscardPendingChanges();
            }
            return await work(token);
        }, cancellationToken);
    }

    /// <inheritdoc cref="RetryingAsync{TResult}"/>
    public Task RetryingAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        RetryingAsync(async token =>
        {
            await work(token);
            return true;
        }, cancellationToken);

    /// <summary>The gate at which this process's writers to the SQLite file at <paramref name="path"/> queue.</summary>
    internal static SemaphoreSlim SqliteWriteGate(string path) =>
        SqliteWriteGates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Forgets what was queued here and not saved: tracked changes, the relay's wake-up, and a derived context's own
    /// pending work. Contexts are pooled, so a unit of work starting over (a consumer's batch, a retry after a lost race)
    /// must not inherit a failed one's leftovers.
    /// </summary>
    public virtual void DiscardPendingChanges()
    {
        ChangeTracker.Clear();
        HasNewOutboxMessages = false;
        forgetsOverwrittenPages = false;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        using var writing = await WriteLockAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private sealed class WriteLock : IDisposable
    {
        private readonly ServiceDbContext db;
        private SemaphoreSlim? gate;

        public WriteLock(ServiceDbContext db, SemaphoreSlim? gate)
        {
            this.db = db;
            this.gate = gate;
            if (gate is not null)
            {
                db.writeLocks++;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref gate, null) is { } held)
            {
                db.writeLocks--;
                held.Release();
            }
        }
    }

    /// <summary>Records who changed what about a person, an account or money; saved with the change itself.</summary>
    public void Audit(Actor actor, string action, string subjectType, string subjectId, object changes, int? year = null) =>
        AuditRecords.Add(new AuditRecord
        {
            At = DateTimeOffset.UtcNow,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Year = year,
            Changes = JsonSerializer.Serialize(changes, MessageSerialization.Options)
        });

    /// <summary>
    /// Queues an event: it is stored with this context's next SaveChanges and relayed after the commit. An event that
    /// carries personal data names its <paramref name="subject"/>, so that an erasure can find the stored copy.
    /// </summary>
    public void Publish<TEvent>(TEvent message, string? subject = null) where TEvent : class
    {
        OutboxMessages.Add(new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = MessageSerialization.TypeName(typeof(TEvent)),
            Payload = JsonSerializer.SerializeToUtf8Bytes(message, MessageSerialization.Options),
            TraceParent = Activity.Current?.Id,
            Subject = subject,
            CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
        });
        HasNewOutboxMessages = true;
    }

    /// <summary>
    /// Stored events about <paramref name="subject"/> of type <typeparamref name="TEvent"/>, sent or not, with their
    /// payloads replaced by <paramref name="rewrite"/>'s: an erasure leaves no copy of what it erased in the outbox, and
    /// an event not yet sent goes out erased (with its message id, so consumers still drop a second copy).
    /// </summary>
    public async Task RewriteStoredEventsAsync<TEvent>(string subject, Func<TEvent, TEvent> rewrite, CancellationToken cancellationToken)
        where TEvent : class
    {
        var type = MessageSerialization.TypeName(typeof(TEvent));
        foreach (var stored in await OutboxMessages.Where(m => m.Subject == subject && m.MessageType == type).ToListAsync(cancellationToken))
        {
            var message = JsonSerializer.Deserialize<TEvent>(stored.Payload, MessageSerialization.Options)!;
            stored.Payload = JsonSerializer.SerializeToUtf8Bytes(rewrite(message), MessageSerialization.Options);
        }
    }

    /// <summary>
    /// Marks this unit of work as erasing or correcting personal data. secure_delete zeroes the old values in the file's
    /// pages, but SQLite's write-ahead log still holds the pages as they were; so once the work commits, the log is
    /// copied into the file and emptied (on SQLite; SQL Server keeps no such copy the service can reach).
    /// </summary>
    public void ForgetOverwrittenPages() => forgetsOverwrittenPages = true;

    private bool forgetsOverwrittenPages;

    internal async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (!forgetsOverwrittenPages)
        {
            return;
        }
        forgetsOverwrittenPages = false;
        if (!Database.IsSqlite())
        {
            return;
        }
        // Still this process's turn to write; a reader of another process makes the checkpoint wait (busy_timeout), but
        // a checkpoint already running (the background one) makes it answer busy at once, so it is asked again.
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            for (var attempt = 1; Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1 && attempt < 50; attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset in SQL; stored as UTC Unix milliseconds it can, on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    /// <summary>The columns of an account's <see cref="Credential"/>, the same in every service that issues accounts.</summary>
    protected static void CredentialColumns(ComplexPropertyBuilder<Credential> credential) =>
        credential.Property(c => c.SecretHash).HasMaxLength(200);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).ValueGeneratedOnAdd();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.HasIndex(m => new { m.SentAt, m.LockedUntil, m.Sequence });
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.Subject).HasMaxLength(100);
            outbox.HasIndex(m => m.Subject);
            outbox.Property(m => m.LockedBy).HasMaxLength(64);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.HasKey(r => new { r.Scope, r.Key });
            record.Property(r => r.Scope).HasMaxLength(100);
            record.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
            record.Property(r => r.RequestHash).HasMaxLength(64);
            record.Property(r => r.ContentType).HasMaxLength(100);
            record.Property(r => r.Location).HasMaxLength(500);
        });
        modelBuilder.Entity<AuditRecord>(audit =>
        {
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).ValueGeneratedOnAdd();
            audit.HasIndex(a => new { a.SubjectType, a.SubjectId });
            audit.HasIndex(a => a.ActorId);
            audit.HasIndex(a => a.Year);
            audit.Property(a => a.ActorId).HasMaxLength(Actor.MaxIdLength);
            audit.Property(a => a.ActorName).HasMaxLength(Actor.MaxNameLength);
            audit.Property(a => a.Action).HasMaxLength(60);
            audit.Property(a => a.SubjectType).HasMaxLength(20);
            audit.Property(a => a.SubjectId).HasMaxLength(100);
        });
    }
}

public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));

/// <summary>A turn to write and its transaction, from <see cref="ServiceDbContext.BeginWriteAsync"/>.</summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly ServiceDbContext db;
    private readonly IDisposable writing;
    private readonly IDbContextTransaction transaction;

    internal UnitOfWork(ServiceDbContext db, IDisposable writing, IDbContextTransaction transaction)
    {
        this.db = db;
        this.writing = writing;
        this.transaction = transaction;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        await db.AfterCommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        writing.Dispose();
    }
}
