using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Judging.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityOutcomeAsWorded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
