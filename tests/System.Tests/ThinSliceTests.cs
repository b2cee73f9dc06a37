using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>One entry's way through the whole system: gateway → submission → broker → every consumer → public tallies.</summary>
public sealed class ThinSliceTests(SystemFixture system)
{
    [Fact]
    public async Task Accepted_entry_reaches_tallies_recognition_and_judging()
    {
        var year = system.NewYear();
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var unitCode = $"phuong-hang-gai-{year}";

        var unit = await ReadJson(await secretariat.PostAsJsonAsync("/api/units", new { code = unitCode, name = "Phường Hàng Gai", kind = "ward" }), HttpStatusCode.Created);
        await system.OpenContestAsync(secretariat, year);
        await ReadJson(await secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/{unitCode}", new { target = 2 }), HttpStatusCode.OK);

        using var ward = system.Client(await system.TokenAsync(unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!));
        var receipt = await ReadJson(await ward.PostAsJsonAsync($"/api/contests/{year}/entries", TestData.Entry(year)), HttpStatusCode.Created);
        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(1400, receipt.GetProperty("wordCount").GetInt32());
        var entryId = receipt.GetProperty("id").GetString();

        using var anonymous = system.Client();
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM");
        var tally = await Eventually.Until(
            async () => FindUnit(await ReadJson(await anonymous.GetAsync($"/api/reports/{year}/tallies?month={month}&pageSize=200"), HttpStatusCode.OK), unitCode),
            // QuotaSet and EntryAccepted travel on separate queues: wait for both.
            row => row is { } r && r.GetProperty("accepted").GetInt32() == 1 && r.GetProperty("quota").GetInt32() == 2);
        Assert.Equal(2, tally!.Value.GetProperty("quota").GetInt32());
        Assert.False(tally.Value.GetProperty("quotaMet").GetBoolean());

        var nominee = await Eventually.Until(
            async () => (await ReadJson(await secretariat.GetAsync($"/api/recognition/{year}/nominees"), HttpStatusCode.OK)).GetProperty("items"),
            items => items.GetArrayLength() == 1);
        Assert.Equal(entryId, nominee[0].GetProperty("entryId").GetString());

        for (var i = 0; i < 3; i++)
        {
            await ReadJson(await secretariat.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName = $"Giám khảo {i}" }), HttpStatusCode.Created);
        }
        var assignment = await Eventually.Until(
            async () => await ReadJson(await secretariat.PostAsync($"/api/judging/{year}/assignments", null), HttpStatusCode.OK),
            run => run.GetProperty("entries").GetInt32() == 1);
        Assert.Equal(3, assignment.GetProperty("assignmentsCreated").GetInt32());
    }

    private static JsonElement? FindUnit(JsonElement page, string unitCode) =>
        page.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(row => row!.Value.GetProperty("unitCode").GetString() == unitCode);

    internal static async Task<JsonElement> ReadJson(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
