using System.Text.Json;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HoanKiem.Judging.Data;

public abstract class JudgingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<JudgingYear> Years => Set<JudgingYear>();
    public DbSet<Judge> Judges => Set<Judge>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Result> Results => Set<Result>();
    public DbSet<JudgeConflict> Conflicts => Set<JudgeConflict>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<JudgingYear>(year =>
        {
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
            year.Property(y => y.Rubric).HasConversion(JsonColumn<List<RubricCriterion>>.Converter, JsonColumn<List<RubricCriterion>>.Comparer);
            year.Property(y => y.Version).IsConcurrencyToken();
            year.Ignore(y => y.Prizes);
        });
        modelBuilder.Entity<Judge>(judge =>
        {
            judge.HasKey(j => j.Id);
            judge.HasIndex(j => j.Year);
            judge.HasIndex(j => j.ClientId).IsUnique();
            judge.Property(j => j.FullName).HasMaxLength(200);
            judge.Property(j => j.UnitCode).HasMaxLength(40);
            judge.Property(j => j.ClientId).HasMaxLength(60);
            judge.ComplexProperty(j => j.Credential, CredentialColumns);
        });
        modelBuilder.Entity<JudgeConflict>(conflict =>
        {
            conflict.HasKey(c => c.Id);
            conflict.HasIndex(c => new { c.Year, c.JudgeId });
            conflict.Property(c => c.UnitCode).HasMaxLength(40);
            conflict.Property(c => c.Reason).HasMaxLength(JudgeConflicts.MaxReasonLength);
            conflict.Property(c => c.DeclaredBy).HasMaxLength(20);
        });
        modelBuilder.Entity<Entry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.HasIndex(e => new { e.Year, e.Status });
            entry.Property(e => e.UnitCode).HasMaxLength(40);
            entry.Property(e => e.Title).HasMaxLength(500);
            entry.Property(e => e.Field).HasMaxLength(40);
            entry.Property(e => e.Status).HasMaxLength(20);
        });
        modelBuilder.Entity<Unit>(unit =>
        {
            unit.HasKey(u => u.Code);
            unit.Property(u => u.Code).HasMaxLength(40);
            unit.Property(u => u.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<Assignment>(assignment =>
        {
            assignment.HasKey(a => a.Id);
            assignment.HasIndex(a => new { a.EntryId, a.JudgeId }).IsUnique();
            assignment.HasIndex(a => new { a.Year, a.JudgeId });
            assignment.Property(a => a.Points).HasConversion(JsonColumn<Dictionary<string, decimal>>.Converter, JsonColumn<Dictionary<string, decimal>>.Comparer);
            assignment.Property(a => a.Total).HasPrecision(12, 2);
            assignment.Property(a => a.Comment).HasMaxLength(ScoreLimits.MaxCommentLength);
        });
        modelBuilder.Entity<Result>(result =>
        {
            result.HasKey(r => new { r.Year, r.EntryId });
            result.HasIndex(r => new { r.Year, r.Rank });
            result.Property(r => r.Prize).HasMaxLength(20);
            result.Property(r => r.CityOutcome).HasMaxLength(200);
        });
    }
}

/// <summary>Small structured values (the rubric, one judge's points) stored as JSON text on both providers.</summary>
internal static class JsonColumn<T> where T : class
{
    public static readonly ValueConverter<T, string> Converter = new(value => Serialize(value), text => Deserialize(text));

    public static readonly ValueComparer<T> Comparer = new(
        (a, b) => Serialize(a) == Serialize(b),
        value => Serialize(value).GetHashCode(),
        value => Deserialize(Serialize(value)));

    public static string Serialize(T? value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    public static T Deserialize(string text) => JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web)!;
}

public sealed class SqliteJudgingDbContext(DbContextOptions<SqliteJudgingDbContext> options) : JudgingDbContext(options);

public sealed class SqlServerJudgingDbContext(DbContextOptions<SqlServerJudgingDbContext> options) : JudgingDbContext(options);

public sealed class SqliteJudgingDbContextFactory : SqliteDesignTimeFactory<SqliteJudgingDbContext>;

public sealed class SqlServerJudgingDbContextFactory : SqlServerDesignTimeFactory<SqlServerJudgingDbContext>;
