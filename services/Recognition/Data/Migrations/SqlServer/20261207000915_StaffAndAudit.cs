using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Recognition.Data.Migrations.SqlServer
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
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AlterColumn<string>(
                name: "SubjectId",
                table: "AuditRecords",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(60)",
                oldMaxLength: 60);

            migrationBuilder.AddColumn<string>(
                name: "ActorName",
                table: "AuditRecords",
                type: "nvarchar(200)",
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
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SubjectId",
                table: "AuditRecords",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Year_SubjectId",
                table: "AuditRecords",
                columns: new[] { "Year", "SubjectId" });
        }
    }
}
