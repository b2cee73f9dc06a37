using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Judging.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxPayloadAsUtf8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.StoreEventsAsUtf8();

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.StoreEventsAsText();
    }
}
