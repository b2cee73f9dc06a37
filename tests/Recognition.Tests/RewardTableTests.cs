using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class RewardTableTests(RecognitionFixture fixture)
{
    private const string WardCertificate = "giay-khen-chu-tich-xa";
    private const string DistrictCertificate = "giay-khen-chu-tich-huyen";

    [Fact]
    public async Task The_table_names_every_form_of_the_movement_with_its_level_validity_and_source()
    {
        var table = await fixture.GetAsync("/api/recognition/reward-table");

        string[] seeded =
        [
            WardCertificate, DistrictCertificate, "bang-khen-chu-tich-thanh-pho", "lao-dong-tien-tien-huyen", "lao-dong-tien-tien-xa",
            "tap-the-lao-dong-tien-tien-huyen", "tap-the-lao-dong-tien-tien-xa", "to-dan-pho-van-hoa-huyen", "to-dan-pho-van-hoa-xa", "gia-dinh-van-hoa"
        ];
        var forms = table.GetProperty("forms").EnumerateArray().Where(f => seeded.Contains(f.GetProperty("code").GetString()))
            .ToDictionary(f => f.GetProperty("code").GetString()!);
        Assert.Equal(seeded.Length, forms.Count);
        Assert.All(forms.Values, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("source").GetString()), f.GetProperty("code").GetString()));
        Assert.All(forms.Values.SelectMany(f => f.GetProperty("coefficients").EnumerateArray()),
            c => Assert.StartsWith("Nghị định", c.GetProperty("basis").GetString()));
        var district = forms.Values.Where(f => f.GetProperty("level").GetString() == "district").ToList();
        Assert.Equal(4, district.Count);
        Assert.All(district, f => Assert.Equal("2025-06-30", f.GetProperty("validTo").GetString()));
        Assert.Equal("2025-07-01", forms["tap-the-lao-dong-tien-tien-xa"].GetProperty("validFrom").GetString());
        Assert.Equal(("city", JsonValueKind.Null), (forms["bang-khen-chu-tich-thanh-pho"].GetProperty("level").GetString(), forms["bang-khen-chu-tich-thanh-pho"].GetProperty("validTo").ValueKind));
        Assert.Equal("household", forms["gia-dinh-van-hoa"].GetProperty("recipientKind").GetString());
    }

    [Theory]
    [InlineData("lao-dong-tien-tien-huyen", "2019-12-20", "individual", 450_000)]         // 0.3 × 1,490,000 = 447,000 ↑
    [InlineData("tap-the-lao-dong-tien-tien-huyen", "2019-12-20", "collective", 1_200_000)] // 0.8 × 1,490,000 = 1,192,000 ↑; a title is not doubled
    [InlineData("to-dan-pho-van-hoa-huyen", "2019-12-20", "collective", 2_240_000)]       // 1.5 × 1,490,000 = 2,235,000 ↑
    [InlineData("bang-khen-chu-tich-thanh-pho", "2023-07-01", "collective", 3_600_000)]   // 2 × 1.0 × 1,800,000
    [InlineData("bang-khen-chu-tich-thanh-pho", "2024-07-01", "individual", 2_340_000)]   // 1.0 × 2,340,000
    [InlineData("tap-the-lao-dong-tien-tien-xa", "2025-07-01", "collective", 1_880_000)]  // 0.8 × 2,340,000 = 1,872,000 ↑
    [InlineData("giay-khen-chu-tich-huyen", "2019-06-30", "individual", 420_000)]         // 0.3 × 1,390,000 = 417,000 ↑, the salary before 1 July 2019
    public async Task Money_is_the_coefficient_times_the_base_salary_in_force_on_the_date(string form, string on, string recipient, long expected)
    {
        var quote = await fixture.GetAsync($"/api/recognition/reward-table/quote?form={form}&on={on}&recipient={recipient}");

        Assert.Equal(expected, quote.GetProperty("amount").GetInt64());
        Assert.StartsWith("Nghị định", quote.GetProperty("salaryBasis").GetString());
        Assert.StartsWith("Nghị định", quote.GetProperty("coefficientBasis").GetString());
    }

    [Fact]
    public async Task A_decision_signed_after_the_district_forms_end_is_refused_naming_the_end_date_and_a_ward_form_is_accepted()
    {
        var year = fixture.NewYear();
        var nominee = await fixture.VerifiedNomineeAsync(year, "Phạm Thị Thu Hà");

        var audited = (await fixture.GetAsync($"/api/recognition/{year}/audit")).GetProperty("total").GetInt32();

        var refused = await Decide(year, "900/QĐ-UBND", "2025-07-01", DistrictCertificate, nominee);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("reward_form_expired", "2025-06-30"), (problem.GetProperty("code").GetString(), problem.GetProperty("validTo").GetString()));
        Assert.Contains("30/06/2025", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await fixture.NomineesAsync(year, "verified")).GetArrayLength());
        Assert.Equal(audited, (await fixture.GetAsync($"/api/recognition/{year}/audit")).GetProperty("total").GetInt32());

        var accepted = await Decide(year, "900/QĐ-UBND", "2025-07-01", WardCertificate, nominee);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        // 0.3 × 2,340,000 = 702,000, rounded up.
        Assert.Equal(710_000, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAmount").GetInt64());
    }

    [Fact]
    public async Task A_district_form_is_still_chosen_on_its_last_day_and_a_ward_title_not_before_its_first()
    {
        var year = fixture.NewYear();
        var nominee = await fixture.VerifiedNomineeAsync(year, "Lê Văn Tám");

        var lastDay = await Decide(year, "901/QĐ-UBND", "2025-06-30", DistrictCertificate, nominee);
        var early = await fixture.Secretariat.GetAsync("/api/recognition/reward-table/quote?form=tap-the-lao-dong-tien-tien-xa&on=2025-06-30&recipient=collective");
        var expiredQuote = await fixture.Secretariat.GetAsync($"/api/recognition/reward-table/quote?form={DistrictCertificate}&on=2026-01-05");

        Assert.Equal(HttpStatusCode.Created, lastDay.StatusCode);
        // 0.3 × 2,340,000 = 702,000, rounded up.
        Assert.Equal(710_000, (await lastDay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAmount").GetInt64());
        Assert.Equal("reward_form_not_yet_valid", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("reward_form_expired", (await expiredQuote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_title_for_collectives_is_refused_for_individuals()
    {
        var year = fixture.NewYear();
        var nominee = await fixture.VerifiedNomineeAsync(year, "Trần Văn Bảy");

        var refused = await Decide(year, "902/QĐ-UBND", "2019-12-20", "tap-the-lao-dong-tien-tien-huyen", nominee);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("form", out _));
        Assert.Equal(1, (await fixture.NomineesAsync(year, "verified")).GetArrayLength());
    }

    [Fact]
    public async Task A_title_recorded_with_an_expired_form_is_refused_and_nothing_is_recorded()
    {
        var year = fixture.NewYear();

        var refused = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations", new
        {
            category = "cultural-residential-group", name = "Tổ dân phố số 3 phường Hàng Gai", field = "culture-society",
            decisionNumber = "77/QĐ-UBND", form = "to-dan-pho-van-hoa-huyen", signedOn = "2025-12-01"
        });
        var accepted = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations", new
        {
            category = "cultural-residential-group", name = "Tổ dân phố số 3 phường Hàng Gai", field = "culture-society",
            decisionNumber = "77/QĐ-UBND", form = "to-dan-pho-van-hoa-huyen", signedOn = "2019-12-20"
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("reward_form_expired", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(2_240_000, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetInt64());
        Assert.Equal(1, (await fixture.GetAsync($"/api/recognition/{year}/commendations")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_preview_shows_the_total_and_its_breakdown_and_records_nothing()
    {
        var year = fixture.NewYear();
        var first = await fixture.VerifiedNomineeAsync(year, "Nguyễn Thị Mai");
        var second = await fixture.VerifiedNomineeAsync(year, "Đặng Văn Lâm");
        var body = new { number = "903/QĐ-UBND", signedOn = "2019-12-20", form = DistrictCertificate, nomineeIds = new[] { first, second } };

        var preview = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions/preview", body);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var draft = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(900_000, draft.GetProperty("totalAmount").GetInt64());
        var part = draft.GetProperty("parts").EnumerateArray().Single();
        Assert.Equal(("individual", 2, 450_000L, 1_490_000L, 0.3m), (part.GetProperty("kind").GetString(), part.GetProperty("count").GetInt32(),
            part.GetProperty("amountEach").GetInt64(), part.GetProperty("baseSalary").GetInt64(), part.GetProperty("coefficient").GetDecimal()));
        Assert.Equal("Nghị định 38/2019/NĐ-CP", part.GetProperty("salaryBasis").GetString());
        Assert.Equal(["Nguyễn Thị Mai", "Đặng Văn Lâm"], draft.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await fixture.NomineesAsync(year, "verified")).GetArrayLength());
        Assert.DoesNotContain(fixture.Bus.Received<CommendationDecided>(), e => e.Message.Year == year);

        var signed = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions", body);
        Assert.Equal(draft.GetProperty("totalAmount").GetInt64(), (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAmount").GetInt64());
    }

    [Fact]
    public async Task The_preview_refuses_what_signing_would_refuse()
    {
        var year = fixture.NewYear();
        var nominee = await fixture.VerifiedNomineeAsync(year, "Hoàng Văn Nam");

        var expired = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions/preview",
            new { number = "904/QĐ-UBND", signedOn = "2025-07-01", form = DistrictCertificate, nomineeIds = new[] { nominee } });
        var empty = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions/preview", new { });

        Assert.Equal("reward_form_expired", (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Prize_money_is_set_per_year_zero_until_set_audited_and_idempotent()
    {
        var year = fixture.NewYear();
        var other = fixture.NewYear();

        var before = await fixture.GetAsync($"/api/recognition/{year}/prizes");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/recognition/{year}/prizes/first") { Content = JsonContent.Create(new { amount = 2_000_000 }) };
        request.Headers.Add("Idempotency-Key", $"prize-first-{year}");
        var set = await fixture.Secretariat.SendAsync(request);
        using var again = new HttpRequestMessage(HttpMethod.Put, $"/api/recognition/{year}/prizes/first") { Content = JsonContent.Create(new { amount = 2_000_000 }) };
        again.Headers.Add("Idempotency-Key", $"prize-first-{year}");
        var replay = await fixture.Secretariat.SendAsync(again);
        var negative = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/{year}/prizes/first", new { amount = -1 });
        var unknown = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/{year}/prizes/grand", new { amount = 1 });

        Assert.All(before.EnumerateArray(), p => Assert.Equal((0L, false), (p.GetProperty("amount").GetInt64(), p.GetProperty("set").GetBoolean())));
        Assert.Equal(["first", "second", "third", "encouragement"], before.EnumerateArray().Select(p => p.GetProperty("prize").GetString()));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(await set.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (negative.StatusCode, unknown.StatusCode));
        Assert.Equal("prize_not_found", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var after = await fixture.GetAsync($"/api/recognition/{year}/prizes");
        Assert.Equal(2_000_000, after[0].GetProperty("amount").GetInt64());
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{other}/prizes"))[0].GetProperty("amount").GetInt64());
        var audit = (await fixture.GetAsync($"/api/recognition/{year}/audit")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("prize.amount-set", Assert.Single(audit).GetProperty("action").GetString());
    }

    [Fact]
    public async Task The_secretariat_adds_a_form_with_its_validity_and_bad_input_changes_nothing()
    {
        const string code = "giay-khen-thu-nghiem-hieu-luc";
        var added = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/reward-table/forms/{code}",
            new { name = "Giấy khen thử nghiệm", level = "ward", validFrom = "2030-01-01", validTo = "2030-12-31", source = "Quyết định thử nghiệm" });
        var backwards = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/reward-table/forms/{code}",
            new { name = "Giấy khen thử nghiệm", level = "province", validFrom = "2030-01-01", validTo = "2029-12-31" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        var errors = (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("level", out _) && errors.TryGetProperty("validTo", out _));
        var form = (await fixture.GetAsync("/api/recognition/reward-table")).GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);
        Assert.Equal(("ward", "2030-12-31"), (form.GetProperty("level").GetString(), form.GetProperty("validTo").GetString()));
    }

    private Task<HttpResponseMessage> Decide(int year, string number, string signedOn, string form, params Guid[] nomineeIds) =>
        fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions", new { number, signedOn, form, nomineeIds });
}
