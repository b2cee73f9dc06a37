using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoanKiem.Reporting.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CityAwards",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CityAwards", x => new { x.Year, x.EntryId });
                });

            migrationBuilder.CreateTable(
                name: "CommendedPeople",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NomineeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendedPeople", x => new { x.Year, x.DecisionNumber, x.NomineeId });
                });

            migrationBuilder.CreateTable(
                name: "CommendedUnits",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendedUnits", x => new { x.Year, x.DecisionNumber, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "Contests",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MinWords = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxWords = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganiserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganiserLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contests", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "DocumentSettings",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Organiser = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuerCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignerCapacity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    MovementNarrative = table.Column<string>(type: "TEXT", nullable: true),
                    Causes = table.Column<string>(type: "TEXT", nullable: true),
                    NextYearTasks = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSettings", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "JudgedEntries",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Prize = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ForwardedToCity = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudgedEntries", x => new { x.Year, x.EntryId });
                });

            migrationBuilder.CreateTable(
                name: "JudgingRounds",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FinalizedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudgingRounds", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "MovementTitles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MovementTitles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Quotas",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotas", x => new { x.Year, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "RecognitionTotals",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    NomineesIntroduced = table.Column<int>(type: "INTEGER", nullable: false),
                    Verified = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Commended = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsCommended = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    CommendedByCity = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionTotals", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Refusals",
                columns: table => new
                {
                    AttemptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AttemptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateOfEntryId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refusals", x => x.AttemptId);
                });

            migrationBuilder.CreateTable(
                name: "Tallies",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnSameMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tallies", x => new { x.Year, x.UnitCode, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "UnitNameChanges",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FormerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitNameChanges", x => new { x.Code, x.EffectiveOn });
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "UnitSuccessions",
                columns: table => new
                {
                    PredecessorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SuccessorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSuccessions", x => new { x.PredecessorCode, x.SuccessorCode });
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Year_UnitCode",
                table: "Entries",
                columns: new[] { "Year", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_MovementTitles_Year_Category",
                table: "MovementTitles",
                columns: new[] { "Year", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_LockedUntil_Sequence",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "LockedUntil", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Subject",
                table: "OutboxMessages",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_Refusals_Year_UnitCode_Code",
                table: "Refusals",
                columns: new[] { "Year", "UnitCode", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "CityAwards");

            migrationBuilder.DropTable(
                name: "CommendedPeople");

            migrationBuilder.DropTable(
                name: "CommendedUnits");

            migrationBuilder.DropTable(
                name: "Contests");

            migrationBuilder.DropTable(
                name: "DocumentSettings");

            migrationBuilder.DropTable(
                name: "Entries");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "JudgedEntries");

            migrationBuilder.DropTable(
                name: "JudgingRounds");

            migrationBuilder.DropTable(
                name: "MovementTitles");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Quotas");

            migrationBuilder.DropTable(
                name: "RecognitionTotals");

            migrationBuilder.DropTable(
                name: "Refusals");

            migrationBuilder.DropTable(
                name: "Tallies");

            migrationBuilder.DropTable(
                name: "UnitNameChanges");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "UnitSuccessions");
        }
    }
}
