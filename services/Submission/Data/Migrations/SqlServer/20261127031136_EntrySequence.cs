using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Submission.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EntrySequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Sequence",
                table: "Entries",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_Sequence",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Entries");
        }
    }
}
