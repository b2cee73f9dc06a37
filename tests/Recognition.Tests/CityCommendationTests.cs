using HoanKiem.Contracts;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class CityCommendationTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task The_citys_outcome_commends_the_person_its_entry_introduced_once_however_many_entries_and_corrections()
    {
        var year = fixture.NewYear();
        var at = DateTimeOffset.UtcNow;
        var first = await fixture.AcceptEntryAsync(year, "Ông Chu Tuấn Hải", "Hàng Mã");
        var again = await fixture.AcceptEntryAsync(year, "Ông Chu Tuấn Hải", "Hàng Mã", unitCode: "phuong-hang-ma");
        var other = await fixture.AcceptEntryAsync(year, "Ông Đỗ Nội", "Lý Thái Tổ");
        await fixture.AcceptEntryAsync(year, "Bà Trịnh Thị Nhung", "Hàng Đào");
        await fixture.WaitForRegisterAsync(year, count: 3, entries: 4);

        await fixture.Bus.PublishAsync(new CityOutcomeRecorded(year, first, "phuong-hang-gai", "Giải Ba", at));
        await fixture.Bus.PublishAsync(new CityOutcomeRecorded(year, again, "phuong-hang-ma", "Giấy khen", at));
        var newer = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new CityOutcomeRecorded(year, other, "phuong-hang-gai", "Giấy khen", at.AddMinutes(1)), newer);
        await fixture.Deliveries.WaitForAsync([newer]);
        var stale = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new CityOutcomeRecorded(year, other, "phuong-hang-gai", "Giải Nhì", at), stale);

        var published = await fixture.WaitForTotalsAsync(year, t => t.CommendedByCity == 2);
        await fixture.Deliveries.WaitForAsync([stale]);
        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        Assert.Equal(2, summary.GetProperty("commendedByCity").GetInt32());
        Assert.Equal(3, published.NomineesIntroduced);
        var audit = await fixture.GetAsync($"/api/recognition/{year}/audit?subjectId={other}");
        Assert.Equal(["Giấy khen"], audit.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("action").GetString() == "city-commendation.recorded")
            .Select(a => a.GetProperty("changes").GetProperty("outcome").GetString()));
    }
}
