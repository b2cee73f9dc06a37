using System.Collections.Concurrent;
using System.Reflection;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace HoanKiem.SystemTests;

public sealed class MigrationTests : IDisposable
{
    private readonly string databasePath = TestDatabases.NewPath("migrations");

    public void Dispose() => TestDatabases.Delete(databasePath);

    public static TheoryData<string> SqlServerContexts() => ContextsOf("SqlServer");

    public static TheoryData<string> SqliteContexts() => ContextsOf("Sqlite");

    /// <summary>No SQL Server runs here, so each service's SQL Server migrations are checked by parsing their T-SQL.</summary>
    [Theory]
    [MemberData(nameof(SqlServerContexts))]
    public void SqlServer_migration_script_is_valid_tsql(string contextType)
    {
        using var context = Create(contextType, options => options.UseSqlServer("Server=migration-check;Database=check"));
        Assert.NotEmpty(context.Database.GetMigrations());

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    /// <summary>What an operator sees at a first start: no warning about migrations that cannot run in a transaction.</summary>
    [Theory]
    [MemberData(nameof(SqliteContexts))]
    public async Task A_new_sqlite_database_is_migrated_without_warnings(string contextType)
    {
        var warnings = new List<string>();
        await using var context = CreateOnSqlite(contextType, options => options.LogTo(warnings.Add, LogLevel.Warning));
        await context.Database.MigrateAsync();
        Assert.Empty(warnings);
    }

    /// <summary>What a start killed inside EF Core's migration lock leaves: its row, which EF Core alone waits on forever.</summary>
    [Theory]
    [MemberData(nameof(SqliteContexts))]
    public async Task A_migration_lock_left_by_a_killed_start_holds_up_no_later_start(string contextType)
    {
        await using var context = CreateOnSqlite(contextType);
        await context.Database.MigrateAsync();
        await context.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-28 04:40:00+00:00');""");

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await DatabaseMigrator.MigrateAsync(context, NullLogger.Instance, patience.Token);

        Assert.Equal(0, await context.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM \"__EFMigrationsLock\"").SingleAsync());
    }

    [Theory]
    [MemberData(nameof(SqliteContexts))]
    public async Task Starts_on_one_file_migrate_one_at_a_time(string contextType)
    {
        await using var context = CreateOnSqlite(contextType);
        var log = new RecordingLogger();
        Task migration;
        using (new FileStream(DatabaseMigrator.TurnFileOf(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            migration = DatabaseMigrator.MigrateAsync(context, log, CancellationToken.None);
            await Eventually.Until(() => Task.FromResult(log.Messages.Any(m => m.StartsWith("Waiting for another instance", StringComparison.Ordinal))), waiting => waiting);
            Assert.False(migration.IsCompleted, "migrated while another start held the turn");
        }
        await migration.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public void Every_service_has_migrations_for_both_providers()
    {
        var contexts = ServiceAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(ServiceDbContext).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        foreach (var service in new[] { "Submission", "Judging", "Recognition", "Reporting" })
        {
            Assert.Contains($"Sqlite{service}DbContext", contexts);
            Assert.Contains($"SqlServer{service}DbContext", contexts);
        }
    }

    private static TheoryData<string> ContextsOf(string provider) =>
        new(ServiceAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(ServiceDbContext).IsAssignableFrom(t) && t.Name.StartsWith(provider, StringComparison.Ordinal))
            .Select(t => t.AssemblyQualifiedName!));

    private static ServiceDbContext Create(string contextType, Action<DbContextOptionsBuilder> useProvider)
    {
        var type = Type.GetType(contextType, throwOnError: true)!;
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        useProvider(options);
        return (ServiceDbContext)Activator.CreateInstance(type, options.Options)!;
    }

    /// <summary>On this test's own SQLite file, unpooled so that the file can be deleted after the test.</summary>
    private ServiceDbContext CreateOnSqlite(string contextType, Action<DbContextOptionsBuilder>? configure = null) =>
        Create(contextType, options =>
        {
            options.UseSqlite($"Data Source={databasePath};Pooling=False");
            configure?.Invoke(options);
        });

    private sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));
    }

    private static IEnumerable<Assembly> ServiceAssemblies() =>
        new[] { "HoanKiem.Submission", "HoanKiem.Judging", "HoanKiem.Recognition", "HoanKiem.Reporting" }.Select(Assembly.Load);
}
