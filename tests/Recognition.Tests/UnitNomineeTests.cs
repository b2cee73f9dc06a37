using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class UnitNomineeTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task A_unit_reads_its_own_nominees_status_and_the_decision_that_commends_them_and_no_one_elses()
    {
        var year = fixture.NewYear();
        var (mine, other) = ($"hang-bac-{year}", $"hang-dao-{year}");
        var commended = await fixture.VerifiedNomineeAsync(year, "Bà Nguyễn Thị Lan", unitCode: mine);
        await fixture.AcceptEntryAsync(year, "Ông Trần Văn Minh", "Hàng Bạc", unitCode: mine);
        await fixture.AcceptEntryAsync(year, "Ông Đỗ Nội", "Lý Thái Tổ", unitCode: other);
        await fixture.WaitForRegisterAsync(year, count: 3, entries: 3);
        Assert.Equal(HttpStatusCode.Created, (await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions",
            new { number = "5681/QĐ-UBND", signedOn = "2019-12-21", form = "Giấy khen", amountPerRecipient = 500_000, nomineeIds = new[] { commended } })).StatusCode);
        using var unit = fixture.Service.CreateClient(TestCallers.Unit(mine));

        var page = await unit.GetFromJsonAsync<JsonElement>($"/api/recognition/{year}/nominees/mine");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var byName = page.GetProperty("items").EnumerateArray().ToDictionary(n => n.GetProperty("fullName").GetString()!);
        Assert.Equal(["Bà Nguyễn Thị Lan", "Ông Trần Văn Minh"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("commended", byName["Bà Nguyễn Thị Lan"].GetProperty("status").GetString());
        var decision = Assert.Single(byName["Bà Nguyễn Thị Lan"].GetProperty("decisions").EnumerateArray());
        Assert.Equal(("5681/QĐ-UBND", "2019-12-21"), (decision.GetProperty("number").GetString(), decision.GetProperty("signedOn").GetString()));
        Assert.Equal("proposed", byName["Ông Trần Văn Minh"].GetProperty("status").GetString());
        Assert.False(byName["Bà Nguyễn Thị Lan"].TryGetProperty("appraisalNote", out _));
    }

    [Fact]
    public async Task The_list_is_for_units_the_secretariat_and_judges_get_403()
    {
        var year = fixture.NewYear();
        using var judge = fixture.Service.CreateClient(TestCallers.Judge("j1"));

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Secretariat.GetAsync($"/api/recognition/{year}/nominees/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"/api/recognition/{year}/nominees/mine")).StatusCode);
    }
}
