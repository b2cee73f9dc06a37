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
    public DbSet<CommendedPerson> CommendedPeople => Set<CommendedPerson>();
    public DbSet<MovementTitle> MovementTitles => Set<MovementTitle>();
    public DbSet<DocumentSettings> DocumentSettings => Set<DocumentSettings>();
    public DbSet<UnitNameChange> UnitNameChanges => Set<UnitNameChange>();
    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();

    /// <summary>
    /// Adds counter changes to the monthly tallies, by atomic increments in set-based SQL, inside the unit of work that
    /// stores the facts behind them (and the inbox row): concurrent consumers never lose an update, and a rolled-back
    /// delivery leaves no count behind. Changes to the same unit's month are combined first, so a batch costs one
    /// statement per month it touches.
    /// </summary>
    public async Task AddToTalliesAsync(IEnumerable<TallyChange> changes, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Tallies change only inside the unit of work (BeginWriteAsync) that stores their facts.");
        }
        foreach (var change in TallyChange.Combine(changes).ToList())
        {
            await ApplyAsync(change, cancellationToken);
        }
    }

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
            await SaveChangesAsync(cancellationToken);
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
        modelBuilder.Entity<DocumentSettings>(settings =>
        {
            const int line = Models.DocumentSettings.LineLength;
            settings.HasKey(s => s.Year);
            settings.Property(s => s.Year).ValueGeneratedNever();
            settings.Property(s => s.ParentOrganisation).HasMaxLength(line);
            settings.Property(s => s.Organiser).HasMaxLength(line);
            settings.Property(s => s.IssuerCode).HasMaxLength(line);
            settings.Property(s => s.Place).HasMaxLength(line);
            settings.Property(s => s.Number).HasMaxLength(line);
            settings.Property(s => s.SignerCapacity).HasMaxLength(line);
            settings.Property(s => s.SignerTitle).HasMaxLength(line);
            settings.Property(s => s.SignerName).HasMaxLength(line);
        });
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
            contest.Property(c => c.OrganiserName).HasMaxLength(200);
            contest.Property(c => c.OrganiserLevel).HasMaxLength(20);
            contest.Property(c => c.AreaName).HasMaxLength(200);
            contest.Property(c => c.SignerTitle).HasMaxLength(200);
            contest.Ignore(c => c.Organiser);
        });
        modelBuilder.Entity<UnitNameChange>(change =>
        {
            change.HasKey(c => new { c.Code, c.EffectiveOn });
            change.Property(c => c.Code).HasMaxLength(40);
            change.Property(c => c.FormerName).HasMaxLength(200);
            change.Property(c => c.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<UnitSuccession>(succession =>
        {
            succession.HasKey(s => new { s.PredecessorCode, s.SuccessorCode });
            succession.Property(s => s.PredecessorCode).HasMaxLength(40);
            succession.Property(s => s.SuccessorCode).HasMaxLength(40);
            succession.Property(s => s.Kind).HasMaxLength(20);
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
        modelBuilder.Entity<CommendedPerson>(person =>
        {
            person.HasKey(p => new { p.Year, p.DecisionNumber, p.NomineeId });
            person.Property(p => p.DecisionNumber).HasMaxLength(100);
            person.Property(p => p.FullName).HasMaxLength(200);
            person.Property(p => p.UnitCode).HasMaxLength(40);
        });
        modelBuilder.Entity<MovementTitle>(title =>
        {
            title.HasKey(t => t.Id);
            title.HasIndex(t => new { t.Year, t.Category });
            title.Property(t => t.Category).HasMaxLength(40);
            title.Property(t => t.Name).HasMaxLength(300);
            title.Property(t => t.UnitCode).HasMaxLength(40);
        });
    }
}

public sealed class SqliteReportingDbContext(DbContextOptions<SqliteReportingDbContext> options) : ReportingDbContext(options);

public sealed class SqlServerReportingDbContext(DbContextOptions<SqlServerReportingDbContext> options) : ReportingDbContext(options);

public sealed class SqliteReportingDbContextFactory : SqliteDesignTimeFactory<SqliteReportingDbContext>;

public sealed class SqlServerReportingDbContextFactory : SqlServerDesignTimeFactory<SqlServerReportingDbContext>;
