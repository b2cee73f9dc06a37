using HoanKiem.Recognition.Models;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Data;

/// <summary>
/// The reward table as the decrees set it, seeded as data so the secretariat can add later versions without a release.
/// Each coefficient names the article it comes from; a figure that could not be checked against the decree's text is
/// left out rather than guessed (docs/reward-table.md lists them), and the secretariat adds it once checked.
/// The district level's forms end on 30/06/2025, the day before the district level was abolished; the ward's take over.
/// </summary>
public static class RewardTableSeed
{
    public const string CommuneChairmanCertificate = "giay-khen-chu-tich-xa";
    public const string DistrictChairmanCertificate = "giay-khen-chu-tich-huyen";
    public const string CityChairmanCertificate = "bang-khen-chu-tich-thanh-pho";
    public const string AdvancedWorkerDistrict = "lao-dong-tien-tien-huyen";
    public const string AdvancedWorkerWard = "lao-dong-tien-tien-xa";
    public const string AdvancedCollectiveDistrict = "tap-the-lao-dong-tien-tien-huyen";
    public const string AdvancedCollectiveWard = "tap-the-lao-dong-tien-tien-xa";
    public const string CulturalGroupDistrict = "to-dan-pho-van-hoa-huyen";
    public const string CulturalGroupWard = "to-dan-pho-van-hoa-xa";
    public const string CulturalFamily = "gia-dinh-van-hoa";

    public static readonly DateOnly DistrictLevelEnds = new(2025, 6, 30);
    public static readonly DateOnly WardLevelTakesOver = new(2025, 7, 1);

    private const string Law2022 = "Luật Thi đua, khen thưởng 2022";
    private const string Decree91Certificates = "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1";
    private const string Decree98Certificates = "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1";
    private const string Decree91Titles = "Nghị định 91/2017/NĐ-CP, Điều 69";
    private const string Decree98Titles = "Nghị định 98/2023/NĐ-CP (mức tiền thưởng danh hiệu thi đua)";

    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AwardForm>().HasData(
            Form(CommuneChairmanCertificate, "Giấy khen của Chủ tịch Ủy ban nhân dân phường", FormLevel.Ward, null, null, null,
                $"{Law2022}, Điều 75 khoản 1 điểm d; Điều 80 khoản 3"),
            Form(DistrictChairmanCertificate, "Giấy khen của Chủ tịch Ủy ban nhân dân quận", FormLevel.District, null, null, DistrictLevelEnds,
                $"{Law2022}, Điều 75 khoản 1; cấp huyện kết thúc hoạt động từ 01/07/2025"),
            Form(CityChairmanCertificate, "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hà Nội", FormLevel.City, null, null, null,
                $"{Law2022}, Điều 75 khoản 1"),
            Form(AdvancedWorkerDistrict, "Danh hiệu “Lao động tiên tiến” (Chủ tịch Ủy ban nhân dân quận tặng)", FormLevel.District, RecipientKind.Individual, null, DistrictLevelEnds,
                $"{Law2022}, Điều 80; cấp huyện kết thúc hoạt động từ 01/07/2025"),
            Form(AdvancedWorkerWard, "Danh hiệu “Lao động tiên tiến” (Chủ tịch Ủy ban nhân dân phường tặng)", FormLevel.Ward, RecipientKind.Individual, null, null,
                $"{Law2022}, Điều 80 khoản 3"),
            Form(AdvancedCollectiveDistrict, "Danh hiệu “Tập thể lao động tiên tiến” (Chủ tịch Ủy ban nhân dân quận tặng)", FormLevel.District, RecipientKind.Collective, null, DistrictLevelEnds,
                $"{Law2022}, Điều 80; cấp huyện kết thúc hoạt động từ 01/07/2025"),
            Form(AdvancedCollectiveWard, "Danh hiệu “Tập thể lao động tiên tiến” (Chủ tịch Ủy ban nhân dân phường tặng)", FormLevel.Ward, RecipientKind.Collective, WardLevelTakesOver, null,
                "Thẩm quyền của cấp huyện chuyển về phường từ 01/07/2025"),
            Form(CulturalGroupDistrict, "Danh hiệu “Tổ dân phố văn hóa” (Chủ tịch Ủy ban nhân dân quận công nhận)", FormLevel.District, RecipientKind.Collective, null, DistrictLevelEnds,
                "Nghị định 122/2018/NĐ-CP; từ 30/01/2024 Nghị định 86/2023/NĐ-CP; cấp huyện kết thúc hoạt động từ 01/07/2025"),
            Form(CulturalGroupWard, "Danh hiệu “Tổ dân phố văn hóa” (Chủ tịch Ủy ban nhân dân phường công nhận)", FormLevel.Ward, RecipientKind.Collective, WardLevelTakesOver, null,
                "Nghị định 86/2023/NĐ-CP; thẩm quyền của cấp huyện chuyển về phường từ 01/07/2025"),
            Form(CulturalFamily, "Danh hiệu “Gia đình văn hóa” (Chủ tịch Ủy ban nhân dân phường tặng)", FormLevel.Ward, RecipientKind.Household, null, null,
                $"{Law2022}, Điều 80 khoản 3; Nghị định 86/2023/NĐ-CP"));

        modelBuilder.Entity<FormCoefficient>().HasData(
            Coefficient(CommuneChairmanCertificate, new DateOnly(2017, 7, 31), 0.15m, $"{Decree91Certificates} điểm d"),
            Coefficient(CommuneChairmanCertificate, new DateOnly(2024, 1, 15), 0.15m, $"{Decree98Certificates} điểm g"),
            Coefficient(CommuneChairmanCertificate, WardLevelTakesOver, 0.3m, "Nghị định 152/2025/NĐ-CP"),
            Coefficient(DistrictChairmanCertificate, new DateOnly(2017, 7, 31), 0.3m, Decree91Certificates),
            Coefficient(DistrictChairmanCertificate, new DateOnly(2024, 1, 15), 0.3m, Decree98Certificates),
            Coefficient(CityChairmanCertificate, new DateOnly(2017, 7, 31), 1.0m, Decree91Certificates),
            Coefficient(CityChairmanCertificate, new DateOnly(2024, 1, 15), 1.0m, Decree98Certificates),
            Coefficient(AdvancedWorkerDistrict, new DateOnly(2017, 7, 31), 0.3m, $"{Decree91Titles} khoản 1"),
            Coefficient(AdvancedWorkerDistrict, new DateOnly(2024, 1, 15), 0.3m, Decree98Titles),
            Coefficient(AdvancedWorkerWard, new DateOnly(2017, 7, 31), 0.3m, $"{Decree91Titles} khoản 1"),
            Coefficient(AdvancedWorkerWard, new DateOnly(2024, 1, 15), 0.3m, Decree98Titles),
            Coefficient(AdvancedCollectiveDistrict, new DateOnly(2017, 7, 31), 0.8m, $"{Decree91Titles} khoản 2"),
            Coefficient(AdvancedCollectiveDistrict, new DateOnly(2024, 1, 15), 0.8m, Decree98Titles),
            Coefficient(AdvancedCollectiveWard, WardLevelTakesOver, 0.8m, Decree98Titles),
            Coefficient(CulturalGroupDistrict, new DateOnly(2017, 7, 31), 1.5m, $"{Decree91Titles} khoản 2 điểm c"));

        modelBuilder.Entity<BaseSalary>().HasData(
            Salary(new DateOnly(2017, 7, 1), 1_300_000, "Nghị định 47/2017/NĐ-CP"),
            Salary(new DateOnly(2018, 7, 1), 1_390_000, "Nghị định 72/2018/NĐ-CP"),
            Salary(new DateOnly(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
            Salary(new DateOnly(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
            Salary(new DateOnly(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"));
    }

    private static AwardForm Form(string code, string name, string level, string? recipientKind, DateOnly? validFrom, DateOnly? validTo, string source) =>
        new() { Code = code, Name = name, Level = level, RecipientKind = recipientKind, ValidFrom = validFrom, ValidTo = validTo, Source = source };

    private static FormCoefficient Coefficient(string form, DateOnly from, decimal coefficient, string basis) =>
        new() { FormCode = form, EffectiveFrom = from, Coefficient = coefficient, Basis = basis };

    private static BaseSalary Salary(DateOnly from, long amount, string basis) =>
        new() { EffectiveFrom = from, Amount = amount, Basis = basis };
}
