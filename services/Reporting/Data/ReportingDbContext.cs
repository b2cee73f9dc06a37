using System.Collections.Concurrent;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HoanKiem.Reporting.Data;

public abstract class ReportingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    private static readonly ConcurrentDictionary<Type, string> IncrementStatements = new();
    private readonly List<TallyChange> pendingTallies = [];

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<EntryFact> Entries => Set<EntryFact>();
    public DbSet<RefusalFact> Refusals => Set<RefusalFact>();
    public DbSet<UnitMonthTally> Tallies => Set<UnitMonthTally>();
    public DbSet<JudgingRound> JudgingRounds => Set<JudgingRound>();
    public DbSet<JudgedEntry> JudgedEntries => Set<JudgedEntry>();
    public DbSet<CityAward> CityAwards => Set<CityAward>();
    public DbSet<RecognitionTotals> RecognitionTotals => Set<RecognitionTotals>();
    public DbSet<CommendedUnit> CommendedUnits => Set<CommendedUnit>();

    /// <summary>Queues counter changes; they are applied as increments in the same transaction as the next SaveChanges.</summary>
    public void Count(IEnumerable<TallyChange> changes) => pendingTallies.AddRange(changes);

    public override void DiscardPendingChanges()
    {
        pendingTallies.Clear();
        base.DiscardPendingChanges();
    }

    /// <summary>
    /// Counters are shared by every event about a unit's month, so they change by atomic increments inside the
    /// transaction that stores the facts (and the inbox row): concurrent consumers never lose an update, and a
    /// rolled-back delivery leaves no count behind.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (pendingTallies.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var changes = TallyChange.Combine(pendingTallies).ToList();
        pendingTallies.Clear();
        using var writing = await WriteLockAsync(cancellationToken);
        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var change in changes)
            {
                await ApplyAsync(change, cancellationToken);
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => pendingTallies.Count == 0
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new InvalidOperationException("Counter changes are applied by SaveChangesAsync only.");

    private async Task ApplyAsync(TallyChange change, CancellationToken cancellationToken)
    {
        var updated = await Database.ExecuteSqlRawAsync(IncrementStatement(),
            [change.Received, change.Withdrawn, change.WithdrawnSameMonth, change.Duplicates, change.Refused, change.Year, change.UnitCode, change.Month],
            cancellationToken);
        if (updated == 0)
        {
            var row = Tallies.Add(new UnitMonthTally
            {
                Year = change.Year, UnitCode = change.UnitCode, Month = change.Month,
                Received = change.Received, Withdrawn = change.Withdrawn, WithdrawnSameMonth = change.WithdrawnSameMonth,
                Duplicates = change.Duplicates, Refused = change.Refused
            });
            await base.SaveChangesAsync(true, cancellationToken);
            row.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// The counter increment as SQL, from the model's names and the provider's quoting. It runs for every unit and
    /// month a batch touches; as an <c>ExecuteUpdate</c>, EF Core translated it again on every call, a large share of
    /// reporting's CPU under load, and cannot compile it ahead.
    /// </summary>
    private string IncrementStatement() => IncrementStatements.GetOrAdd(GetType(), _ =>
    {
        var tally = Model.FindEntityType(typeof(UnitMonthTally))!;
        var table = StoreObjectIdentifier.Table(tally.GetTableName()!, tally.GetSchema());
        var sql = this.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(tally.FindProperty(property)!.GetColumnName(table)!);
        string[] counters = [nameof(UnitMonthTally.Received), nameof(UnitMonthTally.Withdrawn), nameof(UnitMonthTally.WithdrawnSameMonth),
            nameof(UnitMonthTally.Duplicates), nameof(UnitMonthTally.Refused)];
        string[] key = [nameof(UnitMonthTally.Year), nameof(UnitMonthTally.UnitCode), nameof(UnitMonthTally.Month)];
        return $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"SET {string.Join(", ", counters.Select((name, i) => $"{Column(name)} = {Column(name)} + {{{i}}}"))} " +
            $"WHERE {string.Join(" AND ", key.Select((name, i) => $"{Column(name)} = {{{counters.Length + i}}}"))}";
    });

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Unit>(unit =>
        {
            unit.HasKey(u => u.Code);
            unit.Property(u => u.Code).HasMaxLength(40);
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.Kind).HasMaxLength(20);
        });
        modelBuilder.Entity<Contest>(contest =>
        {
            contest.HasKey(c => c.Year);
            contest.Property(c => c.Year).ValueGeneratedNever();
            contest.Property(c => c.Title).HasMaxLength(500);
        });
        modelBuilder.Entity<Quota>(quota =>
        {
            quota.HasKey(q => new { q.Year, q.UnitCode });
            quota.Property(q => q.UnitCode).HasMaxLength(40);
        });
        modelBuilder.Entity<EntryFact>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.Year, e.UnitCode });
            entry.Property(e => e.UnitCode).HasMaxLength(40);
            entry.Property(e => e.Title).HasMaxLength(500);
            entry.Property(e => e.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<RefusalFact>(refusal =>
        {
            refusal.HasKey(r => r.AttemptId);
            refusal.HasIndex(r => new { r.Year, r.UnitCode, r.Code });
            refusal.Property(r => r.UnitCode).HasMaxLength(40);
            refusal.Property(r => r.Code).HasMaxLength(60);
            refusal.Ignore(r => r.IsDuplicate);
        });
        modelBuilder.Entity<UnitMonthTally>(tally =>
        {
            tally.HasKey(t => new { t.Year, t.UnitCode, t.Month });
            tally.Property(t => t.UnitCode).HasMaxLength(40);
        });
        modelBuilder.Entity<JudgingRound>(round =>
        {
            round.HasKey(r => r.Year);
            round.Property(r => r.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<JudgedEntry>(ranked =>
        {
            ranked.HasKey(r => new { r.Year, r.EntryId });
            ranked.Property(r => r.UnitCode).HasMaxLength(40);
            ranked.Property(r => r.Title).HasMaxLength(500);
            ranked.Property(r => r.Prize).HasMaxLength(20);
        });
        modelBuilder.Entity<CityAward>(award =>
        {
            award.HasKey(a => new { a.Year, a.EntryId });
            award.Property(a => a.UnitCode).HasMaxLength(40);
            award.Property(a => a.Outcome).HasMaxLength(200);
        });
        modelBuilder.Entity<RecognitionTotals>(totals =>
        {
            totals.HasKey(t => t.Year);
            totals.Property(t => t.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<CommendedUnit>(commended =>
        {
            commended.HasKey(c => new { c.Year, c.DecisionNumber, c.UnitCode });
            commended.Property(c => c.DecisionNumber).HasMaxLength(100);
            commended.Property(c => c.UnitCode).HasMaxLength(40);
        });
    }
}

public sealed class SqliteReportingDbContext(DbContextOptions<SqliteReportingDbContext> options) : ReportingDbContext(options);

public sealed class SqlServerReportingDbContext(DbContextOptions<SqlServerReportingDbContext> options) : ReportingDbContext(options);

public sealed class SqliteReportingDbContextFactory : SqliteDesignTimeFactory<SqliteReportingDbContext>;

public sealed class SqlServerReportingDbContextFactory : SqlServerDesignTimeFactory<SqlServerReportingDbContext>;
