using HoanKiem.Reporting.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>Each provider's migrations build the model as it is: a change to it comes with scripts/add-migration.sh.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_have_every_model_change()
    {
        using var db = new SqliteReportingDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no SQLite migration makes.");
    }

    [Fact]
    public void SqlServer_migrations_have_every_model_change()
    {
        using var db = new SqlServerReportingDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no SQL Server migration makes.");
    }
}
