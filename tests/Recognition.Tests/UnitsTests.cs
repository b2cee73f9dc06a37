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
}
