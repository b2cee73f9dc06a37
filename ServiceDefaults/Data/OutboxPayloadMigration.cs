using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HoanKiem.ServiceDefaults.Data;

/// <summary>
/// The outbox's move from events stored as text (<c>Body</c>) to UTF-8 bytes (<c>Payload</c>), the same in every
/// service's migrations on both providers. Events a service had not relayed when it was upgraded keep their content:
/// each is converted in the database, byte for byte the UTF-8 of its text.
/// </summary>
public static class OutboxPayloadMigration
{
    private const string Table = "OutboxMessages";

    public static void StoreEventsAsUtf8(this MigrationBuilder migration)
    {
        migration.AddColumn<byte[]>(name: "Payload", table: Table, type: migration.IsSqlServer() ? "varbinary(max)" : "BLOB",
            nullable: false, defaultValue: Array.Empty<byte>());
        // SQL Server converts text to bytes in the source's code page: collated as UTF-8, the varchar holds UTF-8. EXEC,
        // because a script's batch is compiled whole, before the column it fills exists.
        migration.Sql(migration.IsSqlServer()
            ? "EXEC(N'UPDATE [OutboxMessages] SET [Payload] = CAST(CAST([Body] COLLATE Latin1_General_100_CI_AS_SC_UTF8 AS varchar(max)) AS varbinary(max))');"
            : "UPDATE \"OutboxMessages\" SET \"Payload\" = CAST(\"Body\" AS BLOB);");
        migration.DropColumnInPlace(Table, "Body");
    }

    public static void StoreEventsAsText(this MigrationBuilder migration)
    {
        migration.AddColumn<string>(name: "Body", table: Table, type: migration.IsSqlServer() ? "nvarchar(max)" : "TEXT",
            nullable: false, defaultValue: "");
        migration.Sql(migration.IsSqlServer()
            ? "EXEC(N'UPDATE [OutboxMessages] SET [Body] = CAST(CAST([Payload] AS varchar(max)) COLLATE Latin1_General_100_CI_AS_SC_UTF8 AS nvarchar(max))');"
            : "UPDATE \"OutboxMessages\" SET \"Body\" = CAST(\"Payload\" AS TEXT);");
        migration.DropColumnInPlace(Table, "Payload");
    }

    /// <summary>
    /// SQLite drops a column in place since 3.35; EF Core rebuilds the table instead, and must switch foreign keys off
    /// outside the migration's transaction for it, which it warns about on every new database.
    /// </summary>
    private static void DropColumnInPlace(this MigrationBuilder migration, string table, string column)
    {
        if (migration.IsSqlServer())
        {
            migration.DropColumn(name: column, table: table);
        }
        else
        {
            migration.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        }
    }
}
