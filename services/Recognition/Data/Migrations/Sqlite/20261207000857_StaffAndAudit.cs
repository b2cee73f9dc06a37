using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Recognition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Year_SubjectId",
                table: "AuditRecords");

            migrationBuilder.RenameColumn(
                name: "Actor",
                table: "AuditRecords",
                newName: "ActorId");

            migrationBuilder.AlterColumn<int>(
                name: "Year",
                table: "AuditRecords",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "ActorName",
                table: "AuditRecords",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ActorId",
                table: "AuditRecords",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_SubjectType_SubjectId",
                table: "AuditRecords",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Year",
                table: "AuditRecords",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_ActorId",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_SubjectType_SubjectId",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Year",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "ActorName",
                table: "AuditRecords");

            migrationBuilder.RenameColumn(
                name: "ActorId",
                table: "AuditRecords",
                newName: "Actor");

            migrationBuilder.AlterColumn<int>(
                name: "Year",
                table: "AuditRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Year_SubjectId",
                table: "AuditRecords",
                columns: new[] { "Year", "SubjectId" });
        }
    }
}
