using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Submission.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitDeactivationAndRefusalText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "Units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Explanation",
                table: "RefusedAttempts",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "RefusedAttempts",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Explanation",
                table: "RefusedAttempts");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "RefusedAttempts");
        }
    }
}
