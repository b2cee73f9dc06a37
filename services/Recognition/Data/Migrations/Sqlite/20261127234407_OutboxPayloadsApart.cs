using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Recognition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxPayloadsApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.KeepPayloadsApart();

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.KeepPayloadsInline();
    }
}
