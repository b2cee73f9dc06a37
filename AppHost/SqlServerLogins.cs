using Microsoft.Data.SqlClient;

namespace HoanKiem.AppHost;

/// <summary>
/// Each service signs in to SQL Server as a login of its own, a user of its own database only (db_owner there, to
/// migrate it): a service that is broken into reads no other service's data, and none of them holds sa's password.
/// The app host, which holds it, creates the databases and logins once the server accepts sign-ins, before any service
/// starts; every start again, so a login's password follows its kept parameter.
/// </summary>
public static class SqlServerLogins
{
    /// <summary>The login of the service whose database is <paramref name="catalog"/>.</summary>
    public static string LoginOf(string catalog) => $"{catalog}_service";

    /// <summary>
    /// The T-SQL that makes <paramref name="catalog"/> and its login, in batches to run in turn against master; each
    /// batch does nothing that is done already, except setting the password.
    /// </summary>
    public static IReadOnlyList<string> ProvisioningBatches(string catalog, string password)
    {
        var database = Bracketed(catalog);
        var login = Bracketed(LoginOf(catalog));
        return
        [
            $"IF DB_ID({Quoted(catalog)}) IS NULL CREATE DATABASE {database};",
            $"""
            IF SUSER_ID({Quoted(LoginOf(catalog))}) IS NULL
                CREATE LOGIN {login} WITH PASSWORD = {Quoted(password)}, DEFAULT_DATABASE = {database}, CHECK_POLICY = ON;
            ELSE
                ALTER LOGIN {login} WITH PASSWORD = {Quoted(password)};
            """,
            $"""
            USE {database};
            IF USER_ID({Quoted(LoginOf(catalog))}) IS NULL
                CREATE USER {login} FOR LOGIN {login};
            ALTER ROLE db_owner ADD MEMBER {login};
            """
        ];
    }

    public static async Task ProvisionAsync(string masterConnectionString, IEnumerable<(string Catalog, string Password)> databases,
        CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(masterConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (catalog, password) in databases)
        {
            foreach (var batch in ProvisioningBatches(catalog, password))
            {
                await using var command = new SqlCommand(batch, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>Whether the server accepts sa's sign-in and answers a query: what the services' migrations need.</summary>
    public static async Task<bool> AcceptsSignInAsync(string masterConnectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqlConnection(masterConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new SqlCommand("SELECT 1;", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (SqlException)
        {
            return false;
        }
    }

    private static string Bracketed(string name) => $"[{name.Replace("]", "]]", StringComparison.Ordinal)}]";

    private static string Quoted(string value) => $"N'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
