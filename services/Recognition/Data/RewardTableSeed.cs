using HoanKiem.Recognition.Models;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Data;

/// <summary>
/// The reward table as the decrees set it, seeded as data so the secretariat can add later versions without a release.
/// Decree 98/2023 (in force 15/01/2024) kept Decree 91/2017's Giấy khen coefficients; Decree 152/2025 raised the
/// commune level to 0.3 from 01/07/2025, when the district level ended.
/// </summary>
public static class RewardTableSeed
{
    public const string CommuneChairmanCertificate = "giay-khen-chu-tich-xa";
    public const string DistrictChairmanCertificate = "giay-khen-chu-tich-huyen";

    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AwardForm>().HasData(
            new AwardForm { Code = CommuneChairmanCertificate, Name = "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã (phường)" },
            new AwardForm { Code = DistrictChairmanCertificate, Name = "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện (quận)" });

        modelBuilder.Entity<FormCoefficient>().HasData(
            Coefficient(CommuneChairmanCertificate, new DateOnly(2017, 7, 31), 0.15m, "Nghị định 91/2017/NĐ-CP"),
            Coefficient(CommuneChairmanCertificate, new DateOnly(2024, 1, 15), 0.15m, "Nghị định 98/2023/NĐ-CP, Điều 54"),
            Coefficient(CommuneChairmanCertificate, new DateOnly(2025, 7, 1), 0.3m, "Nghị định 152/2025/NĐ-CP"),
            Coefficient(DistrictChairmanCertificate, new DateOnly(2017, 7, 31), 0.3m, "Nghị định 91/2017/NĐ-CP"),
            Coefficient(DistrictChairmanCertificate, new DateOnly(2024, 1, 15), 0.3m, "Nghị định 98/2023/NĐ-CP, Điều 54"));

        modelBuilder.Entity<BaseSalary>().HasData(
            Salary(new DateOnly(2017, 7, 1), 1_300_000, "Nghị định 47/2017/NĐ-CP"),
            Salary(new DateOnly(2018, 7, 1), 1_390_000, "Nghị định 72/2018/NĐ-CP"),
            Salary(new DateOnly(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
            Salary(new DateOnly(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
            Salary(new DateOnly(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"));
    }

    private static FormCoefficient Coefficient(string form, DateOnly from, decimal coefficient, string basis) =>
        new() { FormCode = form, EffectiveFrom = from, Coefficient = coefficient, Basis = basis };

    private static BaseSalary Salary(DateOnly from, long amount, string basis) =>
        new() { EffectiveFrom = from, Amount = amount, Basis = basis };
}
