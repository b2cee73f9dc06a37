using System.Reflection;
using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>No SQL Server runs here, so each service's SQL Server migrations are checked by parsing their T-SQL.</summary>
public sealed class MigrationScriptTests
{
    public static TheoryData<string> SqlServerContexts() =>
        new(ServiceAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(ServiceDbContext).IsAssignableFrom(t) && t.Name.StartsWith("SqlServer", StringComparison.Ordinal))
            .Select(t => t.AssemblyQualifiedName!));

    [Theory]
    [MemberData(nameof(SqlServerContexts))]
    public void SqlServer_migration_script_is_valid_tsql(string contextType)
    {
        var type = Type.GetType(contextType, throwOnError: true)!;
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        options.UseSqlServer("Server=migration-check;Database=check");
        using var context = (DbContext)Activator.CreateInstance(type, options.Options)!;
        Assert.NotEmpty(context.Database.GetMigrations());

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
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

    private static IEnumerable<Assembly> ServiceAssemblies() =>
        new[] { "HoanKiem.Submission", "HoanKiem.Judging", "HoanKiem.Recognition", "HoanKiem.Reporting" }.Select(Assembly.Load);
}
