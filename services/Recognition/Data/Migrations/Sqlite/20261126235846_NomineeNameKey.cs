using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Recognition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NomineeNameKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Nominees_Year_PersonKey",
                table: "Nominees");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Nominees",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_Year_PersonKey_NameKey",
                table: "Nominees",
                columns: new[] { "Year", "PersonKey", "NameKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Nominees_Year_PersonKey_NameKey",
                table: "Nominees");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Nominees");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_Year_PersonKey",
                table: "Nominees",
                columns: new[] { "Year", "PersonKey" },
                unique: true);
        }
    }
}
