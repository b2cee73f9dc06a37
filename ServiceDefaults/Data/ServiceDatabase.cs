using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using HoanKiem.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HoanKiem.ServiceDefaults.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>Which provider this service's database runs on, for plumbing that must behave differently on SQLite.</summary>
public sealed record ServiceDatabaseInfo(DatabaseProvider Provider);

public static class ServiceDatabase
{
    /// <summary>
    /// Registers the service's database from the connection string named <paramref name="connectionName"/>:
    /// SQLite (the embedded default) or SQL Server, each with its own migration set on its own context subclass,
    /// and migrates it before the service starts taking requests. Its contexts ring the outbox that <c>AddMessaging</c>
    /// registers. Contexts are pooled: every request, consumer batch and relay round takes one, and setting up a fresh
    /// one showed in submission's profile under load.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqliteContext, TSqlServerContext>(
        this IHostApplicationBuilder builder, string connectionName)
        where TContext : ServiceDbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing: the app host provides it with WithReference.");
        var provider = ProviderOf(connectionString, builder.Configuration);
        builder.Services.AddSingleton(new ServiceDatabaseInfo(provider));

        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContextPool<TContext, TSqliteContext>((services, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors(SqlitePragmas.Instance, services.GetRequiredService<OutboxInterceptor>()));
            builder.Services.AddHostedService(services => new SqliteCheckpointer(connectionString, services.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        }
        else
        {
            builder.Services.AddDbContextPool<TContext, TSqlServerContext>((services, options) => options
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                .AddInterceptors(services.GetRequiredService<OutboxInterceptor>()));
        }
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddHostedService<StartupMigration<TContext>>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<RecordExpiry<TContext>>();
        return builder;
    }

    public static DatabaseProvider ProviderOf(string connectionString, IConfiguration configuration) =>
        configuration["DatabaseProvider"] is { Length: > 0 } configured
            ? Enum.Parse<DatabaseProvider>(configured, ignoreCase: true)
            : connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite;

    /// <summary>
    /// NORMAL sync keeps every commit through a process crash in WAL mode; checkpoints are left to the
    /// <see cref="SqliteCheckpointer"/>, and a log that a burst grew is cut back to 64 MB once it is written from its
    /// start again. These are per connection, whereas WAL itself is stored in the file and set once by the migrator.
    /// A pooled connection keeps its settings, so each native connection gets them once rather than on every open.
    /// secure_delete zeroes what a delete or update frees, so personal data erased or corrected leaves no old bytes in
    /// the file's free space.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864; PRAGMA secure_delete=ON;";
        private readonly ConditionalWeakTable<object, object> configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (FirstOpen(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (FirstOpen(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private bool FirstOpen(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, handle);
    }

    private sealed class StartupMigration<TContext>(IServiceProvider services, ILogger<StartupMigration<TContext>> logger) : IHostedService
        where TContext : ServiceDbContext
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<TContext>(), logger, cancellationToken);
            logger.LogInformation("Database of {Context} is up to date", typeof(TContext).Name);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
