using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Recognition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegisterConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Nominees",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RegisterKeys",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterKeys", x => new { x.Year, x.PersonKey });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegisterKeys");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Nominees");
        }
    }
}
