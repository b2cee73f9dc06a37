using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class DecisionTests(RecognitionFixture fixture)
{
    private const string Commune = "giay-khen-chu-tich-xa";
    private const string District = "giay-khen-chu-tich-huyen";

    [Fact]
    public async Task A_decision_for_verified_nominees_takes_its_money_from_the_table_on_the_signing_date()
    {
        var year = fixture.NewYear();
        var oanh = await fixture.VerifiedNomineeAsync(year, "Vũ Thị Ngọc Oanh");
        var long_ = await fixture.VerifiedNomineeAsync(year, "Vũ Thúy Long");

        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions",
            new { number = "2461/QĐ-UBND", signedOn = "2025-06-30", form = Commune, nomineeIds = new[] { oanh, long_ } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<JsonElement>();
        // 0.15 × 2,340,000 = 351,000, rounded up to 360,000.
        Assert.Equal(360_000, decision.GetProperty("amountPerRecipient").GetInt64());
        Assert.Equal(720_000, decision.GetProperty("totalAmount").GetInt64());
        Assert.Equal("table", decision.GetProperty("amountSource").GetString());
        Assert.Equal(["Vũ Thị Ngọc Oanh", "Vũ Thúy Long"], decision.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(2, (await fixture.NomineesAsync(year, "commended")).GetArrayLength());
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/recognition/{year}/decisions/{decision.GetProperty("id").GetGuid()}");

        var decided = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<CommendationDecided>().Where(e => e.Message.Year == year).ToList()), e => e.Count == 1);
        Assert.Equal((360_000L, 720_000L), (decided[0].Message.AmountPerRecipient, decided[0].Message.TotalAmount));
        Assert.Equal([oanh, long_], decided[0].Message.Nominees.Select(n => n.NomineeId));
        Assert.Equal(["Vũ Thị Ngọc Oanh", "Vũ Thúy Long"], decided[0].Message.Nominees.Select(n => n.FullName));
        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        Assert.Equal((2, 2, 720_000L), (summary.GetProperty("commended").GetInt32(), summary.GetProperty("verified").GetInt32(), summary.GetProperty("totalAmount").GetInt64()));
    }

    [Theory]
    [InlineData(Commune, "2025-06-30", "individual", 360_000)]   // 0.15 × 2,340,000 = 351,000 ↑
    [InlineData(Commune, "2025-07-01", "individual", 710_000)]   // 0.3 × 2,340,000 = 702,000 ↑
    [InlineData(Commune, "2025-06-30", "collective", 710_000)]   // 2 × 351,000 = 702,000 ↑
    [InlineData(Commune, "2025-07-01", "collective", 1_410_000)] // 2 × 702,000 = 1,404,000 ↑
    [InlineData(Commune, "2025-07-01", "household", 1_060_000)]  // 1.5 × 702,000 = 1,053,000 ↑
    [InlineData(Commune, "2024-06-30", "individual", 270_000)]   // 0.15 × 1,800,000 = 270,000 exactly: no rounding
    [InlineData(District, "2019-12-20", "individual", 450_000)]  // 0.3 × 1,490,000 = 447,000 ↑
    [InlineData(District, "2019-12-20", "collective", 900_000)]  // 2 × 447,000 = 894,000 ↑
    [InlineData(District, "2024-07-01", "individual", 710_000)]  // 0.3 × 2,340,000 = 702,000 ↑
    public async Task The_reward_follows_the_base_salary_and_coefficient_in_force_and_rounds_up_to_ten_thousand(
        string form, string on, string recipient, long expected)
    {
        var quote = await fixture.GetAsync($"/api/recognition/reward-table/quote?form={form}&on={on}&recipient={recipient}");

        Assert.Equal(expected, quote.GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task Money_of_decisions_either_side_of_1_July_2025_differs_as_the_decree_says()
    {
        var year = fixture.NewYear();
        var before = await fixture.VerifiedNomineeAsync(year, "Nguyễn Quỳnh Trang");
        var after = await fixture.VerifiedNomineeAsync(year, "Vũ Thị Lùng");

        var june = await Decide(year, "100/QĐ-UBND", "2025-06-30", nomineeIds: [before], form: Commune);
        var july = await Decide(year, "101/QĐ-UBND", "2025-07-01", nomineeIds: [after], form: Commune);

        Assert.Equal(360_000, (await june.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAmount").GetInt64());
        Assert.Equal(710_000, (await july.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAmount").GetInt64());
    }

    [Fact]
    public async Task A_recipient_commended_this_year_is_409_already_commended_naming_them_before_any_other_rule()
    {
        var year = fixture.NewYear();
        var commended = await fixture.VerifiedNomineeAsync(year, "Lê Anh Đức");
        await fixture.AcceptEntryAsync(year, "Lương Ngọc Bảo Phương", "Hàng Gai");
        await fixture.WaitForRegisterAsync(year, count: 2, entries: 2);
        var proposed = await fixture.NomineeIdAsync(year, "Lương Ngọc Bảo Phương");
        Assert.Equal(HttpStatusCode.Created, (await Decide(year, "200/QĐ-UBND", "2019-12-20", nomineeIds: [commended])).StatusCode);

        var again = await Decide(year, "201/QĐ-UBND", "2019-12-21", nomineeIds: [proposed, commended]);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("already_commended", problem.GetProperty("code").GetString());
        Assert.Contains("Lê Anh Đức", problem.GetProperty("detail").GetString());
        Assert.Contains("200/QĐ-UBND", problem.GetProperty("detail").GetString());
        var named = Assert.Single(problem.GetProperty("recipients").EnumerateArray());
        Assert.Equal(commended, named.GetProperty("nomineeId").GetGuid());
        Assert.Equal("200/QĐ-UBND", named.GetProperty("decisionNumber").GetString());
        Assert.Equal("proposed", (await fixture.GetAsync($"/api/recognition/{year}/nominees/{proposed}")).GetProperty("status").GetString());
        Assert.Equal(1, (await fixture.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_nominee_not_verified_is_422_and_the_decision_changes_nothing()
    {
        var year = fixture.NewYear();
        var verified = await fixture.VerifiedNomineeAsync(year, "Lê Văn Bản");
        await fixture.AcceptEntryAsync(year, "Trần Thanh Quang", "Hàng Trống");
        await fixture.AcceptEntryAsync(year, "Nguyễn Thị Thanh Sơn", "Hàng Trống");
        await fixture.WaitForRegisterAsync(year, count: 3, entries: 3);
        var proposed = await fixture.NomineeIdAsync(year, "Trần Thanh Quang");
        var rejected = await fixture.NomineeIdAsync(year, "Nguyễn Thị Thanh Sơn");
        await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{rejected}/appraisal", new { outcome = "rejected", note = "Không đủ căn cứ." });

        var withProposed = await Decide(year, "300/QĐ-UBND", "2019-12-20", nomineeIds: [verified, proposed]);
        var withRejected = await Decide(year, "301/QĐ-UBND", "2019-12-20", nomineeIds: [rejected]);

        foreach (var (response, name) in new[] { (withProposed, "Trần Thanh Quang"), (withRejected, "Nguyễn Thị Thanh Sơn") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("nominee_not_verified", problem.GetProperty("code").GetString());
            Assert.Contains(name, problem.GetProperty("detail").GetString());
        }
        Assert.Equal("verified", (await fixture.GetAsync($"/api/recognition/{year}/nominees/{verified}")).GetProperty("status").GetString());
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{year}/summary")).GetProperty("totalAmount").GetInt64());
    }

    [Fact]
    public async Task Units_are_commended_as_collectives_an_explicit_amount_overrides_the_table_and_a_unit_is_commended_once_a_year()
    {
        var year = fixture.NewYear();
        var hangGai = $"phuong-hang-gai-{year}";
        var quanDoan = $"quan-doan-{year}";
        await fixture.Bus.PublishAsync(new UnitRegistered(hangGai, "Phường Hàng Gai", "ward", DateTimeOffset.UtcNow));
        await fixture.Bus.PublishAsync(new UnitRegistered(quanDoan, "Quận đoàn Hoàn Kiếm", "association", DateTimeOffset.UtcNow));
        var created = await Eventually.Until(() => Decide(year, "400/QĐ-UBND", "2019-12-20", unitCodes: [hangGai]), r => r.StatusCode != HttpStatusCode.NotFound);
        var overridden = await Eventually.Until(() => Decide(year, "401/QĐ-UBND", "2019-12-20", unitCodes: [quanDoan], amount: 1_000_000), r => r.StatusCode != HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tableDecision = await created.Content.ReadFromJsonAsync<JsonElement>();
        var recipient = tableDecision.GetProperty("recipients")[0];
        Assert.Equal(("collective", "Phường Hàng Gai", 900_000L), (recipient.GetProperty("kind").GetString(), recipient.GetProperty("name").GetString(), recipient.GetProperty("amount").GetInt64()));
        var overrideDecision = await overridden.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("override", 1_000_000L), (overrideDecision.GetProperty("amountSource").GetString(), overrideDecision.GetProperty("totalAmount").GetInt64()));
        var audit = (await fixture.GetAsync($"/api/recognition/{year}/audit?subjectId={quanDoan}")).GetProperty("items");
        Assert.Equal("override", audit[0].GetProperty("changes").GetProperty("amountSource").GetString());

        var twice = await Decide(year, "402/QĐ-UBND", "2019-12-21", unitCodes: [hangGai]);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("Phường Hàng Gai", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var unknown = await Decide(year, "403/QĐ-UBND", "2019-12-21", unitCodes: ["khong-ton-tai"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        Assert.Equal((2, 1_900_000L), (summary.GetProperty("unitsCommended").GetInt32(), summary.GetProperty("totalAmount").GetInt64()));
    }

    [Fact]
    public async Task A_form_outside_the_reward_table_is_free_text_that_needs_an_amount_and_a_table_form_is_priced_by_the_table()
    {
        var year = fixture.NewYear();
        var first = await fixture.VerifiedNomineeAsync(year, "Trần Thị Hoa");
        var second = await fixture.VerifiedNomineeAsync(year, "Phạm Văn Bình");
        const string freeForm = "Giấy khen của Chủ tịch UBND quận";

        var unpriced = await Decide(year, "600/QĐ-UBND", "2019-12-20", nomineeIds: [first], form: freeForm);
        Assert.Equal(HttpStatusCode.BadRequest, unpriced.StatusCode);
        Assert.True((await unpriced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("amountPerRecipient", out _));
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await fixture.NomineesAsync(year, "verified")).GetArrayLength());

        var priced = await Decide(year, "600/QĐ-UBND", "2019-12-20", nomineeIds: [first], form: $"  {freeForm} ", amount: 500_000);
        var fromTable = await Decide(year, "601/QĐ-UBND", "2019-12-20", nomineeIds: [second], form: District.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Created, priced.StatusCode);
        var free = await priced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((freeForm, "override", 500_000L), (free.GetProperty("form").GetString(), free.GetProperty("amountSource").GetString(), free.GetProperty("totalAmount").GetInt64()));
        Assert.Equal(HttpStatusCode.Created, fromTable.StatusCode);
        var table = await fromTable.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((District, "table", 450_000L), (table.GetProperty("form").GetString(), table.GetProperty("amountSource").GetString(), table.GetProperty("totalAmount").GetInt64()));
        var decided = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<CommendationDecided>().Where(e => e.Message.Year == year)
            .DistinctBy(e => e.Message.Number).ToList()), e => e.Count == 2);
        Assert.Equal([freeForm, District], decided.Select(e => e.Message.Form).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unit_codes_name_the_registered_unit_in_any_case_and_its_current_name()
    {
        var year = fixture.NewYear();
        var code = $"TH-HK-{year}";
        await fixture.Bus.PublishAsync(new UnitRegistered(code, "Trường Tiểu học Hoàn Kiếm", "school", DateTimeOffset.UtcNow));
        await fixture.Bus.PublishAsync(new QuotaSet(year, code, 0));
        await fixture.AcceptEntryAsync(year, "Đỗ Minh Châu", "Hàng Bông", unitCode: code);
        await ProposedNameAsync(year, "Trường Tiểu học Hoàn Kiếm");
        await fixture.Bus.PublishAsync(new UnitRenamed(code, "Trường Tiểu học Tràng An", DateTimeOffset.UtcNow));
        await ProposedNameAsync(year, "Trường Tiểu học Tràng An");

        var created = await Decide(year, "700/QĐ-UBND", "2019-12-20", unitCodes: [code.ToLowerInvariant()]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recipient = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recipients")[0];
        Assert.Equal((code, "Trường Tiểu học Tràng An"), (recipient.GetProperty("unitCode").GetString(), recipient.GetProperty("name").GetString()));

        var again = await Decide(year, "701/QĐ-UBND", "2019-12-21", unitCodes: ["Th-Hk-" + year]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("already_commended", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var decided = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<CommendationDecided>().Where(e => e.Message.Year == year).ToList()), e => e.Count > 0);
        Assert.Equal([code], decided[0].Message.UnitCodes);
    }

    [Fact]
    public async Task A_decision_with_bad_fields_is_400_naming_each_field()
    {
        var year = fixture.NewYear();

        var bad = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions",
            new { number = "", form = " ", nomineeIds = Array.Empty<Guid>(), amountPerRecipient = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "number", "signedOn", "form", "nomineeIds", "amountPerRecipient" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_decision_repeated_with_the_same_idempotency_key_replays_the_first_answer()
    {
        var year = fixture.NewYear();
        var nominee = await fixture.VerifiedNomineeAsync(year, "Nguyễn Thị Ngọc Anh");

        var body = new { number = "500/QĐ-UBND", signedOn = "2019-12-20", form = District, nomineeIds = new[] { nominee } };
        using var first = new HttpRequestMessage(HttpMethod.Post, $"/api/recognition/{year}/decisions") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "decision-500");
        using var second = new HttpRequestMessage(HttpMethod.Post, $"/api/recognition/{year}/decisions") { Content = JsonContent.Create(body) };
        second.Headers.Add("Idempotency-Key", "decision-500");
        var firstAnswer = await fixture.Secretariat.SendAsync(first);
        var replay = await fixture.Secretariat.SendAsync(second);

        Assert.Equal(HttpStatusCode.Created, firstAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await firstAnswer.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, (await fixture.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_secretariat_edits_the_reward_table_and_later_decisions_follow_it()
    {
        var year = fixture.NewYear();
        const string form = "bang-khen-chu-tich-thanh-pho-test";
        var created = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/reward-table/forms/{form}/coefficients/2030-01-01",
            new { coefficient = 1.0m, name = "Bằng khen của Chủ tịch UBND Thành phố", basis = "thử nghiệm" });
        var salary = await fixture.Secretariat.PutAsJsonAsync("/api/recognition/reward-table/base-salaries/2031-01-01", new { amount = 2_500_000, basis = "thử nghiệm" });
        var nominee = await fixture.VerifiedNomineeAsync(year, "Đỗ Quốc Huy");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, salary.StatusCode);
        Assert.Equal(2_340_000, (await fixture.GetAsync($"/api/recognition/reward-table/quote?form={form}&on=2030-12-31")).GetProperty("amount").GetInt64());
        var decision = await Decide(year, "600/QĐ-UBND", "2031-01-02", nomineeIds: [nominee], form: form);
        Assert.Equal(2_500_000, (await decision.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAmount").GetInt64());
        var table = await fixture.GetAsync("/api/recognition/reward-table");
        Assert.Contains(table.GetProperty("forms").EnumerateArray(), f => f.GetProperty("code").GetString() == form);

        var tooEarly = await fixture.Secretariat.GetAsync($"/api/recognition/reward-table/quote?form={form}&on=2029-12-31");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Equal("reward_table_incomplete", (await tooEarly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var badCoefficient = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/reward-table/forms/{form}/coefficients/2032-01-01", new { coefficient = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, badCoefficient.StatusCode);
        var badDate = await fixture.Secretariat.PutAsJsonAsync("/api/recognition/reward-table/base-salaries/1-7-2025", new { amount = 2_340_000 });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("application/problem+json", badDate.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_decision_is_audited_under_the_staff_member_who_made_it()
    {
        var year = fixture.NewYear();
        var hangBuom = $"phuong-hang-buom-{year}";
        await fixture.Bus.PublishAsync(new UnitRegistered(hangBuom, "Phường Hàng Buồm", "ward", DateTimeOffset.UtcNow));
        var lan = fixture.Service.CreateClient(new Caller("staff-5e6f7a8b9c0d", Roles.Secretariat, null, null, "Trần Thị Lan"));

        var decided = await Eventually.Until(() => lan.PostAsJsonAsync($"/api/recognition/{year}/decisions",
            new { number = "500/QĐ-UBND", signedOn = "2019-12-20", form = District, unitCodes = new[] { hangBuom }, amountPerRecipient = 700_000 }),
            r => r.StatusCode != HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var record = (await fixture.GetAsync($"/api/recognition/{year}/audit?actor=staff-5e6f7a8b9c0d")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("unit.commended", hangBuom, "Trần Thị Lan"), (record.GetProperty("action").GetString(),
            record.GetProperty("subjectId").GetString(), record.GetProperty("actorName").GetString()));
        Assert.Equal(700_000, record.GetProperty("changes").GetProperty("amount").GetInt64());
    }

    private Task<JsonElement> ProposedNameAsync(int year, string name) =>
        Eventually.Until(() => fixture.GetAsync($"/api/recognition/{year}/units/proposed"),
            page => page.GetProperty("items").EnumerateArray().Any(u => u.GetProperty("unitName").GetString() == name));

    private Task<HttpResponseMessage> Decide(int year, string number, string signedOn, Guid[]? nomineeIds = null, string[]? unitCodes = null,
        long? amount = null, string form = District) =>
        fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions",
            new { number, signedOn, form, nomineeIds, unitCodes, amountPerRecipient = amount });
}
