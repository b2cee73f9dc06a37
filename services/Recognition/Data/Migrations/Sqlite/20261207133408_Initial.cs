using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace HoanKiem.Recognition.Data.Migrations.Sqlite
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
                name: "AwardForms",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecipientKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardForms", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Awards",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Prize = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    ForwardedToCity = table.Column<bool>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    FinalizedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Awards", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "BaseSalaries",
                columns: table => new
                {
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseSalaries", x => x.EffectiveFrom);
                });

            migrationBuilder.CreateTable(
                name: "CityCommendations",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CityCommendations", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "Commendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountSource = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AmountSource = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", nullable: true),
                    Achievement = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
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
                name: "NomineeEntries",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    NomineeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Ward = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NomineeEntries", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "Nominees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Ward = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IntroducedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraisalOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AppraisalNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AppraisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AppraisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominees", x => x.Id);
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
                name: "PrizeAmounts",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Prize = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrizeAmounts", x => new { x.Year, x.Prize });
                });

            migrationBuilder.CreateTable(
                name: "ProposalCriteria",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumPrizes = table.Column<int>(type: "INTEGER", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalCriteria", x => x.Year);
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

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "YearOrganisers",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearOrganisers", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "YearTotals",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Changes = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedChanges = table.Column<long>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_YearTotals", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "FormCoefficients",
                columns: table => new
                {
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Coefficient = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormCoefficients", x => new { x.FormCode, x.EffectiveFrom });
                    table.ForeignKey(
                        name: "FK_FormCoefficients_AwardForms_FormCode",
                        column: x => x.FormCode,
                        principalTable: "AwardForms",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NomineeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRecipients_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AwardForms",
                columns: new[] { "Code", "Level", "Name", "RecipientKind", "Source", "ValidFrom", "ValidTo" },
                values: new object[,]
                {
                    { "bang-khen-chu-tich-thanh-pho", "city", "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội", null, "Luật Thi đua, khen thưởng 2022, Điều 75 khoản 1", null, null },
                    { "gia-dinh-van-hoa", "ward", "Danh hiệu “Gia đình văn hóa” (Chủ tịch Ủy ban nhân dân phường tặng)", "household", "Luật Thi đua, khen thưởng 2022, Điều 80 khoản 3; Nghị định 86/2023/NĐ-CP", null, null },
                    { "giay-khen-chu-tich-huyen", "district", "Giấy khen của Chủ tịch Ủy ban nhân dân quận", null, "Luật Thi đua, khen thưởng 2022, Điều 75 khoản 1; cấp huyện kết thúc hoạt động từ 01/07/2025", null, new DateOnly(2025, 6, 30) },
                    { "giay-khen-chu-tich-xa", "ward", "Giấy khen của Chủ tịch Ủy ban nhân dân phường", null, "Luật Thi đua, khen thưởng 2022, Điều 75 khoản 1 điểm d; Điều 80 khoản 3", null, null },
                    { "lao-dong-tien-tien-huyen", "district", "Danh hiệu “Lao động tiên tiến” (Chủ tịch Ủy ban nhân dân quận tặng)", "individual", "Luật Thi đua, khen thưởng 2022, Điều 80; cấp huyện kết thúc hoạt động từ 01/07/2025", null, new DateOnly(2025, 6, 30) },
                    { "lao-dong-tien-tien-xa", "ward", "Danh hiệu “Lao động tiên tiến” (Chủ tịch Ủy ban nhân dân phường tặng)", "individual", "Luật Thi đua, khen thưởng 2022, Điều 80 khoản 3", null, null },
                    { "tap-the-lao-dong-tien-tien-huyen", "district", "Danh hiệu “Tập thể lao động tiên tiến” (Chủ tịch Ủy ban nhân dân quận tặng)", "collective", "Luật Thi đua, khen thưởng 2022, Điều 80; cấp huyện kết thúc hoạt động từ 01/07/2025", null, new DateOnly(2025, 6, 30) },
                    { "tap-the-lao-dong-tien-tien-xa", "ward", "Danh hiệu “Tập thể lao động tiên tiến” (Chủ tịch Ủy ban nhân dân phường tặng)", "collective", "Thẩm quyền của cấp huyện chuyển về phường từ 01/07/2025", new DateOnly(2025, 7, 1), null },
                    { "to-dan-pho-van-hoa-huyen", "district", "Danh hiệu “Tổ dân phố văn hóa” (Chủ tịch Ủy ban nhân dân quận công nhận)", "collective", "Nghị định 122/2018/NĐ-CP; từ 30/01/2024 Nghị định 86/2023/NĐ-CP; cấp huyện kết thúc hoạt động từ 01/07/2025", null, new DateOnly(2025, 6, 30) },
                    { "to-dan-pho-van-hoa-xa", "ward", "Danh hiệu “Tổ dân phố văn hóa” (Chủ tịch Ủy ban nhân dân phường công nhận)", "collective", "Nghị định 86/2023/NĐ-CP; thẩm quyền của cấp huyện chuyển về phường từ 01/07/2025", new DateOnly(2025, 7, 1), null }
                });

            migrationBuilder.InsertData(
                table: "BaseSalaries",
                columns: new[] { "EffectiveFrom", "Amount", "Basis", "ChangedBy" },
                values: new object[,]
                {
                    { new DateOnly(2017, 7, 1), 1300000L, "Nghị định 47/2017/NĐ-CP", null },
                    { new DateOnly(2018, 7, 1), 1390000L, "Nghị định 72/2018/NĐ-CP", null },
                    { new DateOnly(2019, 7, 1), 1490000L, "Nghị định 38/2019/NĐ-CP", null },
                    { new DateOnly(2023, 7, 1), 1800000L, "Nghị định 24/2023/NĐ-CP", null },
                    { new DateOnly(2024, 7, 1), 2340000L, "Nghị định 73/2024/NĐ-CP", null }
                });

            migrationBuilder.InsertData(
                table: "FormCoefficients",
                columns: new[] { "EffectiveFrom", "FormCode", "Basis", "ChangedBy", "Coefficient" },
                values: new object[,]
                {
                    { new DateOnly(2017, 7, 31), "bang-khen-chu-tich-thanh-pho", "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1", null, 1.0m },
                    { new DateOnly(2024, 1, 15), "bang-khen-chu-tich-thanh-pho", "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1", null, 1.0m },
                    { new DateOnly(2017, 7, 31), "giay-khen-chu-tich-huyen", "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1", null, 0.3m },
                    { new DateOnly(2024, 1, 15), "giay-khen-chu-tich-huyen", "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1", null, 0.3m },
                    { new DateOnly(2017, 7, 31), "giay-khen-chu-tich-xa", "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1 điểm d", null, 0.15m },
                    { new DateOnly(2024, 1, 15), "giay-khen-chu-tich-xa", "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 điểm g", null, 0.15m },
                    { new DateOnly(2025, 7, 1), "giay-khen-chu-tich-xa", "Nghị định 152/2025/NĐ-CP", null, 0.3m },
                    { new DateOnly(2017, 7, 31), "lao-dong-tien-tien-huyen", "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1", null, 0.3m },
                    { new DateOnly(2024, 1, 15), "lao-dong-tien-tien-huyen", "Nghị định 98/2023/NĐ-CP (mức tiền thưởng danh hiệu thi đua)", null, 0.3m },
                    { new DateOnly(2017, 7, 31), "lao-dong-tien-tien-xa", "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1", null, 0.3m },
                    { new DateOnly(2024, 1, 15), "lao-dong-tien-tien-xa", "Nghị định 98/2023/NĐ-CP (mức tiền thưởng danh hiệu thi đua)", null, 0.3m },
                    { new DateOnly(2017, 7, 31), "tap-the-lao-dong-tien-tien-huyen", "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2", null, 0.8m },
                    { new DateOnly(2024, 1, 15), "tap-the-lao-dong-tien-tien-huyen", "Nghị định 98/2023/NĐ-CP (mức tiền thưởng danh hiệu thi đua)", null, 0.8m },
                    { new DateOnly(2025, 7, 1), "tap-the-lao-dong-tien-tien-xa", "Nghị định 98/2023/NĐ-CP (mức tiền thưởng danh hiệu thi đua)", null, 0.8m },
                    { new DateOnly(2017, 7, 31), "to-dan-pho-van-hoa-huyen", "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2 điểm c", null, 1.5m }
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
                name: "IX_Awards_Year_Rank",
                table: "Awards",
                columns: new[] { "Year", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_CityCommendations_Year",
                table: "CityCommendations",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_Commendations_Year_Category",
                table: "Commendations",
                columns: new[] { "Year", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_DecisionId",
                table: "DecisionRecipients",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_Year_RecipientKey",
                table: "DecisionRecipients",
                columns: new[] { "Year", "RecipientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Year_Number",
                table: "Decisions",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NomineeEntries_NomineeId",
                table: "NomineeEntries",
                column: "NomineeId");

            migrationBuilder.CreateIndex(
                name: "IX_NomineeEntries_Year_UnitCode",
                table: "NomineeEntries",
                columns: new[] { "Year", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_Year_PersonKey_NameKey",
                table: "Nominees",
                columns: new[] { "Year", "PersonKey", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_Year_Status_IntroducedAt",
                table: "Nominees",
                columns: new[] { "Year", "Status", "IntroducedAt" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "Awards");

            migrationBuilder.DropTable(
                name: "BaseSalaries");

            migrationBuilder.DropTable(
                name: "CityCommendations");

            migrationBuilder.DropTable(
                name: "Commendations");

            migrationBuilder.DropTable(
                name: "DecisionRecipients");

            migrationBuilder.DropTable(
                name: "FormCoefficients");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "NomineeEntries");

            migrationBuilder.DropTable(
                name: "Nominees");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PrizeAmounts");

            migrationBuilder.DropTable(
                name: "ProposalCriteria");

            migrationBuilder.DropTable(
                name: "Quotas");

            migrationBuilder.DropTable(
                name: "RegisterKeys");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "YearOrganisers");

            migrationBuilder.DropTable(
                name: "YearTotals");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "AwardForms");
        }
    }
}
