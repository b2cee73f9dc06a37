using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Models;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Data;

public abstract class SubmissionDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<RefusedAttempt> RefusedAttempts => Set<RefusedAttempt>();
    public DbSet<Erasure> Erasures => Set<Erasure>();
    public DbSet<ForwardingBatch> ForwardingBatches => Set<ForwardingBatch>();
    public DbSet<ForwardedEntry> ForwardedEntries => Set<ForwardedEntry>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<YearResults> YearResults => Set<YearResults>();
    public DbSet<UnitChange> UnitChanges => Set<UnitChange>();

    /// <summary>The unit a code names, in any case; its <c>Code</c> is the spelling it was registered with.</summary>
    public Task<Unit?> UnitAsync(string code, CancellationToken cancellationToken = default)
    {
        var key = UnitCodes.Key(code);
        return Units.SingleOrDefaultAsync(u => u.Code.ToLower() == key, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Unit>(unit =>
        {
            unit.HasKey(u => u.Code);
            unit.Property(u => u.Code).HasMaxLength(40);
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.Kind).HasMaxLength(20);
            unit.Property(u => u.ClientId).HasMaxLength(60);
            unit.ComplexProperty(u => u.Credential, CredentialColumns);
            unit.Ignore(u => u.Active);
            unit.HasIndex(u => u.ClientId).IsUnique();
        });
        modelBuilder.Entity<StaffMember>(staff =>
        {
            staff.HasKey(s => s.Id);
            staff.Property(s => s.Id).HasMaxLength(60);
            staff.Property(s => s.FullName).HasMaxLength(200);
            staff.Property(s => s.Position).HasMaxLength(200);
            staff.ComplexProperty(s => s.Credential, CredentialColumns);
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
            contest.Property(c => c.AreaCode).HasMaxLength(60);
            contest.Ignore(c => c.Organiser);
        });
        modelBuilder.Entity<Quota>(quota =>
        {
            quota.HasKey(q => new { q.Year, q.UnitCode });
            quota.Property(q => q.UnitCode).HasMaxLength(40);
        });
        modelBuilder.Entity<Entry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.Year, e.UnitCode, e.Status });
            entry.HasIndex(e => e.Sequence);
            entry.Property(e => e.SearchText).HasMaxLength(800);
            entry.Property(e => e.UnitCode).HasMaxLength(40);
            entry.Property(e => e.Title).HasMaxLength(500);
            entry.Property(e => e.Field).HasMaxLength(40);
            entry.Property(e => e.Status).HasMaxLength(20);
            entry.Property(e => e.AuthorFullName).HasMaxLength(200);
            entry.Property(e => e.AuthorPosition).HasMaxLength(200);
            entry.Property(e => e.AuthorPhone).HasMaxLength(50);
            entry.Property(e => e.AuthorEmail).HasMaxLength(200);
            entry.Property(e => e.NomineeFullName).HasMaxLength(200);
            entry.Property(e => e.NomineePosition).HasMaxLength(200);
            entry.Property(e => e.NomineeWorkplace).HasMaxLength(300);
            entry.Property(e => e.NomineeStreet).HasMaxLength(300);
            entry.Property(e => e.NomineeWard).HasMaxLength(100);
            entry.Property(e => e.NomineeWardAsWritten).HasMaxLength(100);
            entry.Property(e => e.WardConfirmedBy).HasMaxLength(60);
            entry.HasIndex(e => new { e.Year, e.WardToConfirm });
            entry.Property(e => e.Signature).HasMaxLength(Duplicates.MinHash.Length * sizeof(uint));
        });
        modelBuilder.Entity<UnitChange>(change =>
        {
            change.HasKey(c => c.Id);
            change.HasIndex(c => c.UnitCode);
            change.Property(c => c.UnitCode).HasMaxLength(40);
            change.Property(c => c.Kind).HasMaxLength(20);
            change.Property(c => c.FormerName).HasMaxLength(200);
            change.Property(c => c.Name).HasMaxLength(200);
            change.Property(c => c.RecordedBy).HasMaxLength(60);
        });
        modelBuilder.Entity<Erasure>(erasure =>
        {
            erasure.HasKey(e => new { e.EntryId, e.Person });
            erasure.Property(e => e.Person).HasMaxLength(20);
            erasure.Property(e => e.ErasedBy).HasMaxLength(60);
        });
        modelBuilder.Entity<ForwardingBatch>(batch =>
        {
            batch.HasKey(b => b.Id);
            batch.HasIndex(b => b.Year);
            batch.Property(b => b.Label).HasMaxLength(ForwardingBatch.LabelLength);
            batch.Property(b => b.CreatedBy).HasMaxLength(60);
            batch.HasMany(b => b.Entries).WithOne().HasForeignKey(e => e.BatchId);
        });
        modelBuilder.Entity<ForwardedEntry>(forwarded =>
        {
            forwarded.HasKey(f => new { f.BatchId, f.EntryId });
            // Once to the city: a second batch naming the entry fails here even when two are made at once.
            forwarded.HasIndex(f => f.EntryId).IsUnique();
        });
        modelBuilder.Entity<Publication>(publication =>
        {
            publication.HasKey(p => p.EntryId);
            publication.HasIndex(p => p.Year);
            publication.Property(p => p.Prize).HasMaxLength(40);
            publication.Ignore(p => p.Listed);
        });
        modelBuilder.Entity<YearResults>(results =>
        {
            results.HasKey(r => r.Year);
            results.Property(r => r.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<RefusedAttempt>(attempt =>
        {
            attempt.HasKey(a => a.Id);
            attempt.HasIndex(a => new { a.Year, a.UnitCode });
            attempt.Property(a => a.UnitCode).HasMaxLength(40);
            attempt.Property(a => a.Code).HasMaxLength(60);
            attempt.Property(a => a.Title).HasMaxLength(500);
            attempt.Property(a => a.Explanation).HasMaxLength(1000);
            attempt.Property(a => a.DuplicateOfUnitCode).HasMaxLength(40);
        });
    }
}

public sealed class SqliteSubmissionDbContext(DbContextOptions<SqliteSubmissionDbContext> options) : SubmissionDbContext(options);

public sealed class SqlServerSubmissionDbContext(DbContextOptions<SqlServerSubmissionDbContext> options) : SubmissionDbContext(options);

public sealed class SqliteSubmissionDbContextFactory : SqliteDesignTimeFactory<SqliteSubmissionDbContext>;

public sealed class SqlServerSubmissionDbContextFactory : SqlServerDesignTimeFactory<SqlServerSubmissionDbContext>;
