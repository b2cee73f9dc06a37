using System.Net;
using System.Net.Http.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class UnitsTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task Units_whose_accepted_entries_are_strictly_more_than_their_quota_are_proposed()
    {
        var year = fixture.NewYear();
        string Code(string name) => $"{name}-{year}";
        await fixture.Bus.PublishAsync(new UnitRegistered(Code("hoi-lhpn"), "Hội LHPN quận", "association", DateTimeOffset.UtcNow));
        await fixture.Bus.PublishAsync(new QuotaSet(year, Code("hoi-lhpn"), 2));
        await fixture.Bus.PublishAsync(new QuotaSet(year, Code("phong-noi-vu"), 1));
        await fixture.Bus.PublishAsync(new QuotaSet(year, Code("ly-thai-to"), 2));
        await fixture.Bus.PublishAsync(new QuotaSet(year, Code("phuc-tan"), 3));
        var withdrawn = Guid.Empty;
        foreach (var i in Enumerable.Range(0, 3))
        {
            await fixture.AcceptEntryAsync(year, $"Hội viên {i}", "Hàng Bài", Code("hoi-lhpn"));
            await fixture.AcceptEntryAsync(year, $"Cán bộ {i}", "Hàng Bài", Code("phong-noi-vu"));
            await fixture.AcceptEntryAsync(year, $"Công dân {i}", "Lý Thái Tổ", Code("ly-thai-to"));
            withdrawn = await fixture.AcceptEntryAsync(year, $"Người dân {i}", "Phúc Tân", Code("phuc-tan"));
        }
        await fixture.AcceptEntryAsync(year, "Người dân 3", "Phúc Tân", Code("phuc-tan"));
        await fixture.AcceptEntryAsync(year, "Không chỉ tiêu", "Phúc Tân", Code("khong-chi-tieu"));
        await fixture.Bus.PublishAsync(new EntryWithdrawn(withdrawn, year, Code("phuc-tan"), DateTimeOffset.UtcNow));
        // The last quota change wins: Lý Thái Tổ's plan goes up to exactly what it sent.
        await fixture.WaitForRegisterAsync(year, count: 13, entries: 13);
        await fixture.Bus.PublishAsync(new QuotaSet(year, Code("ly-thai-to"), 3));

        var proposed = await Eventually.Until(() => fixture.GetAsync($"/api/recognition/{year}/units/proposed"),
            page => page.GetProperty("total").GetInt32() == 2);

        var items = proposed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([Code("phong-noi-vu"), Code("hoi-lhpn")], items.Select(u => u.GetProperty("unitCode").GetString()));
        Assert.Equal((1, 3, 2), (items[0].GetProperty("quota").GetInt32(), items[0].GetProperty("accepted").GetInt32(), items[0].GetProperty("excess").GetInt32()));
        Assert.Equal("Hội LHPN quận", items[1].GetProperty("unitName").GetString());
        Assert.Equal(Code("phong-noi-vu"), items[0].GetProperty("unitName").GetString());
    }

    [Fact]
    public async Task With_a_prize_criterion_only_units_over_quota_with_enough_prizes_are_proposed_each_with_its_reason()
    {
        var year = fixture.NewYear();
        string Code(string name) => $"{name}-{year}";
        await fixture.Bus.PublishAsync(new QuotaSet(year, Code("hang-bac"), 1));
        await fixture.Bus.PublishAsync(new QuotaSet(year, Code("hang-dao"), 1));
        var prized = new List<Guid>();
        foreach (var i in Enumerable.Range(0, 2))
        {
            prized.Add(await fixture.AcceptEntryAsync(year, $"Người tốt Hàng Bạc {i}", "Hàng Bạc", Code("hang-bac")));
            await fixture.AcceptEntryAsync(year, $"Người tốt Hàng Đào {i}", "Hàng Đào", Code("hang-dao"));
        }
        await fixture.WaitForRegisterAsync(year, count: 4, entries: 4);
        await fixture.Bus.PublishAsync(new JudgingFinalized(year, DateTimeOffset.UtcNow,
            [new RankedEntry(prized[0], Code("hang-bac"), "Bài một", 1, 92, "first", true), new RankedEntry(prized[1], Code("hang-bac"), "Bài hai", 2, 88, "third", false)]));
        await Eventually.Until(() => fixture.GetAsync($"/api/recognition/{year}/awards"), page => page.GetProperty("total").GetInt32() == 2);

        var refused = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/{year}/units/criterion", new { minimumPrizes = -1 });
        var set = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/{year}/units/criterion", new { minimumPrizes = 1 });
        var proposed = await fixture.GetAsync($"/api/recognition/{year}/units/proposed");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var unit = Assert.Single(proposed.GetProperty("items").EnumerateArray());
        Assert.Equal((Code("hang-bac"), 2), (unit.GetProperty("unitCode").GetString(), unit.GetProperty("prizes").GetInt32()));
        Assert.Equal("Vượt chỉ tiêu: 2/1 bài; có 2 bài đạt giải (tiêu chí: ít nhất 1)", unit.GetProperty("reason").GetString());

        await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/{year}/units/criterion", new { minimumPrizes = 0 });
        var withoutCriterion = await fixture.GetAsync($"/api/recognition/{year}/units/proposed");
        Assert.Equal([Code("hang-bac"), Code("hang-dao")], withoutCriterion.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString()));
        Assert.Equal("Vượt chỉ tiêu: 2/1 bài", withoutCriterion.GetProperty("items")[1].GetProperty("reason").GetString());
    }
}
