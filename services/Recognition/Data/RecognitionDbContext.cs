using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Data;

public abstract class RecognitionDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Nominee> Nominees => Set<Nominee>();
    public DbSet<NomineeEntry> NomineeEntries => Set<NomineeEntry>();
    public DbSet<RegisterKey> RegisterKeys => Set<RegisterKey>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<ProposalCriterion> ProposalCriteria => Set<ProposalCriterion>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionRecipient> DecisionRecipients => Set<DecisionRecipient>();
    public DbSet<Commendation> Commendations => Set<Commendation>();
    public DbSet<CityCommendation> CityCommendations => Set<CityCommendation>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<YearTotals> YearTotals => Set<YearTotals>();
    public DbSet<AwardForm> AwardForms => Set<AwardForm>();
    public DbSet<FormCoefficient> FormCoefficients => Set<FormCoefficient>();
    public DbSet<BaseSalary> BaseSalaries => Set<BaseSalary>();
    public DbSet<PrizeAmount> PrizeAmounts => Set<PrizeAmount>();
    public DbSet<YearOrganiser> YearOrganisers => Set<YearOrganiser>();

    /// <summary>
    /// Counts a change of each year's figures (its nominees, decisions' recipients, commendations) inside the unit of work
    /// that makes it. The <see cref="YearTotalsPublisher"/> publishes the figures from there: once for a burst of changes
    /// instead of once for each, and still after a crash between this commit and the publishing.
    /// </summary>
    public async Task MarkFiguresChangedAsync(IEnumerable<int> years, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A year's figures are marked changed only inside the unit of work (BeginWriteAsync) that changes them.");
        }
        foreach (var year in years.Distinct().Order())
        {
            // An increment in SQL, so concurrent writers never need to read the row first.
            var counted = await YearTotals.Where(t => t.Year == year).ExecuteUpdateAsync(t => t.SetProperty(x => x.Changes, x => x.Changes + 1), cancellationToken);
            if (counted > 0)
            {
                continue;
            }
            // Inserted by the unit of work's own save, so a save it means to repeat (a retry) never finds it saved twice.
            if (YearTotals.Local.FirstOrDefault(t => t.Year == year) is { } first)
            {
                first.Changes++;
            }
            else
            {
                YearTotals.Add(new YearTotals { Year = year, Changes = 1 });
            }
        }
    }

    /// <summary>
    /// Saves a change of the year's figures and counts it, in one unit of work. The changes are accepted only once it
    /// commits, so a retried try (SQL Server's transient failures) saves them again rather than nothing.
    /// </summary>
    public Task SaveFiguresChangeAsync(int year, CancellationToken cancellationToken = default) =>
        Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var work = await BeginWriteAsync(token);
            await MarkFiguresChangedAsync([year], token);
            await SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
            await work.CommitAsync(token);
            ChangeTracker.AcceptAllChanges();
        }, cancellationToken);

    /// <summary>The year's figures from the rows themselves; <c>Verified</c> counts every nominee that passed appraisal, commended or not.</summary>
    public async Task<YearTotals> ComputeTotalsAsync(int year, CancellationToken cancellationToken = default)
    {
        var statuses = await Nominees.Where(n => n.Year == year && n.Status != NomineeStatus.Withdrawn)
            .GroupBy(n => n.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(string status) => statuses.Where(s => s.Status == status).Sum(s => s.Count);
        var recipients = DecisionRecipients.Where(r => r.Year == year);
        return new YearTotals
        {
            Year = year,
            NomineesIntroduced = statuses.Sum(s => s.Count),
            Verified = Count(NomineeStatus.Verified) + Count(NomineeStatus.Commended),
            Rejected = Count(NomineeStatus.Rejected),
            Commended = Count(NomineeStatus.Commended),
            UnitsCommended = await recipients.Where(r => r.UnitCode != null).Select(r => r.UnitCode).Distinct().CountAsync(cancellationToken),
            TotalAmount = await recipients.SumAsync(r => r.Amount, cancellationToken)
                + await Commendations.Where(c => c.Year == year).SumAsync(c => c.Amount, cancellationToken),
            CommendedByCity = await CityCommendations.Where(c => c.Year == year)
                .Join(NomineeEntries, c => c.EntryId, e => e.EntryId, (c, e) => e.NomineeId)
                .Where(id => id != null).Distinct().CountAsync(cancellationToken)
        };
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CityCommendation>(city =>
        {
            city.HasKey(c => c.EntryId);
            city.HasIndex(c => c.Year);
            city.Property(c => c.Outcome).HasMaxLength(200);
        });
        modelBuilder.Entity<ProposalCriterion>(criterion =>
        {
            criterion.HasKey(c => c.Year);
            criterion.Property(c => c.Year).ValueGeneratedNever();
            criterion.Property(c => c.SetBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Nominee>(nominee =>
        {
            nominee.HasKey(n => n.Id);
            nominee.HasIndex(n => new { n.Year, n.PersonKey, n.NameKey }).IsUnique();
            nominee.HasIndex(n => new { n.Year, n.Status, n.IntroducedAt });
            nominee.Property(n => n.PersonKey).HasMaxLength(320);
            nominee.Property(n => n.NameKey).HasMaxLength(200);
            nominee.Property(n => n.FullName).HasMaxLength(200);
            nominee.Property(n => n.Ward).HasMaxLength(100);
            nominee.Property(n => n.UnitCode).HasMaxLength(40);
            nominee.Property(n => n.Field).HasMaxLength(40);
            nominee.Property(n => n.Status).HasMaxLength(20);
            nominee.Property(n => n.AppraisalOutcome).HasMaxLength(20);
            nominee.Property(n => n.AppraisalNote).HasMaxLength(2000);
            nominee.Property(n => n.AppraisedBy).HasMaxLength(100);
            nominee.Property(n => n.Revision).IsConcurrencyToken();
            nominee.Ignore(n => n.IsAppraised);
        });
        modelBuilder.Entity<RegisterKey>(key =>
        {
            key.HasKey(k => new { k.Year, k.PersonKey });
            key.Property(k => k.PersonKey).HasMaxLength(320);
            key.Property(k => k.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<NomineeEntry>(entry =>
        {
            entry.HasKey(e => e.EntryId);
            entry.HasIndex(e => e.NomineeId);
            entry.HasIndex(e => new { e.Year, e.UnitCode });
            entry.Property(e => e.UnitCode).HasMaxLength(40);
            entry.Property(e => e.Field).HasMaxLength(40);
            entry.Property(e => e.FullName).HasMaxLength(200);
            entry.Property(e => e.Ward).HasMaxLength(100);
        });
        modelBuilder.Entity<Unit>(unit =>
        {
            unit.HasKey(u => u.Code);
            unit.Property(u => u.Code).HasMaxLength(40);
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.Kind).HasMaxLength(20);
        });
        modelBuilder.Entity<Quota>(quota =>
        {
            quota.HasKey(q => new { q.Year, q.UnitCode });
            quota.Property(q => q.UnitCode).HasMaxLength(40);
        });
        modelBuilder.Entity<Decision>(decision =>
        {
            decision.HasKey(d => d.Id);
            decision.HasIndex(d => new { d.Year, d.Number }).IsUnique();
            decision.Property(d => d.Number).HasMaxLength(100);
            decision.Property(d => d.Form).HasMaxLength(60);
            decision.Property(d => d.AmountSource).HasMaxLength(20);
            decision.Property(d => d.DecidedBy).HasMaxLength(100);
            decision.HasMany(d => d.Recipients).WithOne().HasForeignKey(r => r.DecisionId);
        });
        modelBuilder.Entity<DecisionRecipient>(recipient =>
        {
            recipient.HasKey(r => r.Id);
            recipient.Property(r => r.Id).ValueGeneratedOnAdd();
            recipient.HasIndex(r => new { r.Year, r.RecipientKey }).IsUnique();
            recipient.Property(r => r.RecipientKey).HasMaxLength(60);
            recipient.Property(r => r.UnitCode).HasMaxLength(40);
            recipient.Property(r => r.Name).HasMaxLength(200);
            recipient.Property(r => r.Kind).HasMaxLength(20);
        });
        modelBuilder.Entity<Commendation>(commendation =>
        {
            commendation.HasKey(c => c.Id);
            commendation.HasIndex(c => new { c.Year, c.Category });
            commendation.Property(c => c.Category).HasMaxLength(40);
            commendation.Property(c => c.Name).HasMaxLength(300);
            commendation.Property(c => c.UnitCode).HasMaxLength(40);
            commendation.Property(c => c.Field).HasMaxLength(40);
            commendation.Property(c => c.AmountSource).HasMaxLength(20);
            commendation.Property(c => c.DecisionNumber).HasMaxLength(100);
            commendation.Property(c => c.RecordedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<Award>(award =>
        {
            award.HasKey(a => a.EntryId);
            award.HasIndex(a => new { a.Year, a.Rank });
            award.Property(a => a.UnitCode).HasMaxLength(40);
            award.Property(a => a.Title).HasMaxLength(500);
            award.Property(a => a.Prize).HasMaxLength(20);
        });
        modelBuilder.Entity<YearTotals>(totals =>
        {
            totals.HasKey(t => t.Year);
            totals.Property(t => t.Year).ValueGeneratedNever();
            // Two replicas' publishers that read the same version cannot both publish the next one: the second save fails,
            // and its next round finds the year published.
            totals.Property(t => t.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AwardForm>(form =>
        {
            form.HasKey(f => f.Code);
            form.Property(f => f.Code).HasMaxLength(60);
            form.Property(f => f.Name).HasMaxLength(200);
            form.Property(f => f.Level).HasMaxLength(20);
            form.Property(f => f.RecipientKind).HasMaxLength(20);
            form.Property(f => f.Source).HasMaxLength(300);
        });
        modelBuilder.Entity<FormCoefficient>(coefficient =>
        {
            coefficient.HasKey(c => new { c.FormCode, c.EffectiveFrom });
            coefficient.Property(c => c.FormCode).HasMaxLength(60);
            coefficient.Property(c => c.Coefficient).HasPrecision(9, 4);
            coefficient.Property(c => c.Basis).HasMaxLength(300);
            coefficient.Property(c => c.ChangedBy).HasMaxLength(100);
            coefficient.HasOne<AwardForm>().WithMany().HasForeignKey(c => c.FormCode);
        });
        modelBuilder.Entity<BaseSalary>(salary =>
        {
            salary.HasKey(s => s.EffectiveFrom);
            salary.Property(s => s.Basis).HasMaxLength(300);
            salary.Property(s => s.ChangedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<YearOrganiser>(organiser =>
        {
            organiser.HasKey(o => o.Year);
            organiser.Property(o => o.Name).HasMaxLength(200);
            organiser.Property(o => o.SignerTitle).HasMaxLength(200);
        });
        modelBuilder.Entity<PrizeAmount>(prize =>
        {
            prize.HasKey(p => new { p.Year, p.Prize });
            prize.Property(p => p.Prize).HasMaxLength(20);
            prize.Property(p => p.ChangedBy).HasMaxLength(100);
        });
        RewardTableSeed.Apply(modelBuilder);
    }
}

public sealed class SqliteRecognitionDbContext(DbContextOptions<SqliteRecognitionDbContext> options) : RecognitionDbContext(options);

public sealed class SqlServerRecognitionDbContext(DbContextOptions<SqlServerRecognitionDbContext> options) : RecognitionDbContext(options);

public sealed class SqliteRecognitionDbContextFactory : SqliteDesignTimeFactory<SqliteRecognitionDbContext>;

public sealed class SqlServerRecognitionDbContextFactory : SqlServerDesignTimeFactory<SqlServerRecognitionDbContext>;
