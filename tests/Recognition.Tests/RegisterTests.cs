using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Recognition.Tests;

/// <summary>The nominee register built from the submission service's events.</summary>
public sealed class RegisterTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task Entries_about_one_person_in_name_and_ward_variants_make_one_nominee()
    {
        var year = fixture.NewYear();
        var first = DateTimeOffset.Parse("2019-03-01T09:00:00+07:00");
        var nfdName = "Nguyễn Văn Hùng".Normalize(NormalizationForm.FormD);
        var upper = await fixture.AcceptEntryAsync(year, "NGUYỄN  VĂN HÙNG", "phường Hàng Gai", "quan-doan", first.AddDays(3));
        var nfd = await fixture.AcceptEntryAsync(year, nfdName, "P. hàng gai", "hoi-cuu-chien-binh", first.AddDays(2));
        // Published last but received first: it is the entry that introduced him.
        var earliest = await fixture.AcceptEntryAsync(year, "Nguyễn Văn Hùng", "Hàng Gai", "phuong-hang-gai", first, field: "economy");
        await fixture.AcceptEntryAsync(year, "Nguyễn Văn Hùng", "Hàng Bạc", "phuong-hang-bac", first);
        await fixture.WaitForRegisterAsync(year, count: 2, entries: 4);

        var plain = await fixture.AcceptEntryAsync(year, "nguyen van hung", "HANG GAI", "hoi-chu-thap-do", first.AddDays(1));
        // Hưng is not Hùng: folding would merge them, so diacritics written on both sides count.
        await fixture.AcceptEntryAsync(year, "Nguyễn Văn Hưng", "Hàng Gai", "phuong-hang-gai", first.AddDays(4));
        var nominees = await fixture.WaitForRegisterAsync(year, count: 3, entries: 6);

        var hung = nominees.EnumerateArray().Single(n => n.GetProperty("entryIds").GetArrayLength() == 4);
        Assert.Equal(earliest, hung.GetProperty("entryId").GetGuid());
        Assert.Equal([earliest, plain, nfd, upper], hung.GetProperty("entryIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal("Nguyễn Văn Hùng", hung.GetProperty("fullName").GetString());
        Assert.True(hung.GetProperty("fullName").GetString()!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(("phuong-hang-gai", "economy", "proposed"),
            (hung.GetProperty("unitCode").GetString(), hung.GetProperty("field").GetString(), hung.GetProperty("status").GetString()));
        Assert.Contains(nominees.EnumerateArray(), n => n.GetProperty("fullName").GetString() == "Nguyễn Văn Hưng");
        Assert.Contains(nominees.EnumerateArray(), n => n.GetProperty("ward").GetString() == "Hàng Bạc");

        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        Assert.Equal(3, summary.GetProperty("nomineesIntroduced").GetInt32());
    }

    [Fact]
    public async Task The_same_article_sent_at_once_through_many_channels_introduces_one_person()
    {
        var year = fixture.NewYear();
        var spellings = new[] { "Vũ Thị Ngọc Oanh", "VU THI NGOC OANH", "vũ thị ngọc oanh", "Vu Thi Ngoc Oanh", "Vũ Thị Ngọc Oanh".Normalize(NormalizationForm.FormD) };
        var wards = new[] { "Trần Hưng Đạo", "phường Trần Hưng Đạo", "P. Tran Hung Dao", "tran hung dao" };

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            fixture.AcceptEntryAsync(year, spellings[i % spellings.Length], wards[i % wards.Length], $"don-vi-{i}")));

        var nominees = await fixture.WaitForRegisterAsync(year, count: 1, entries: 12);
        Assert.Equal(12, nominees[0].GetProperty("entryIds").GetArrayLength());
    }

    [Fact]
    public async Task An_entry_withdrawn_before_appraisal_withdraws_its_nomination_and_a_nominee_without_entries_leaves_the_register()
    {
        var year = fixture.NewYear();
        var at = DateTimeOffset.Parse("2019-04-01T09:00:00+07:00");
        var first = await fixture.AcceptEntryAsync(year, "Lê Thị Mai", "Cửa Đông", "phuong-cua-dong", at);
        var second = await fixture.AcceptEntryAsync(year, "Le Thi Mai", "Cua Dong", "hoi-phu-nu", at.AddDays(5), field: "economy");
        var alone = await fixture.AcceptEntryAsync(year, "Phạm Văn Tú", "Đồng Xuân", "phuong-dong-xuan", at);
        await fixture.WaitForRegisterAsync(year, count: 2, entries: 3);

        await fixture.Bus.PublishAsync(new EntryWithdrawn(first, year, "phuong-cua-dong", at.AddDays(6)));
        await fixture.Bus.PublishAsync(new EntryWithdrawn(alone, year, "phuong-dong-xuan", at.AddDays(6)));
        var nominees = await fixture.WaitForRegisterAsync(year, count: 1, entries: 1);

        var mai = nominees[0];
        Assert.Equal(second, mai.GetProperty("entryId").GetGuid());
        Assert.Equal("hoi-phu-nu", mai.GetProperty("unitCode").GetString());
        Assert.Equal("economy", mai.GetProperty("field").GetString());
        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        Assert.Equal(1, summary.GetProperty("nomineesIntroduced").GetInt32());
        var audit = (await fixture.GetAsync($"/api/recognition/{year}/audit?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("nominee.withdrawn", audit);
        Assert.Contains("nominee.entry-withdrawn", audit);

        // Introduced again by a later entry, the person comes back under the same id.
        var again = await fixture.AcceptEntryAsync(year, "Phạm Văn Tú", "Đồng Xuân", "phuong-dong-xuan", at.AddDays(9));
        nominees = await fixture.WaitForRegisterAsync(year, count: 2, entries: 2);
        Assert.Contains(nominees.EnumerateArray(), n => n.GetProperty("entryId").GetGuid() == again && n.GetProperty("status").GetString() == "proposed");
    }

    [Fact]
    public async Task An_entry_withdrawn_after_appraisal_leaves_the_appraisal_standing()
    {
        var year = fixture.NewYear();
        var id = await fixture.VerifiedNomineeAsync(year, "Vũ Thị Ngọc Oanh", "Trần Hưng Đạo");
        var entryId = (await fixture.NomineesAsync(year))[0].GetProperty("entryId").GetGuid();

        await fixture.Bus.PublishAsync(new EntryWithdrawn(entryId, year, "phuong-hang-gai", DateTimeOffset.UtcNow));
        await Eventually.Until(async () => (await fixture.GetAsync($"/api/recognition/{year}/audit?subjectId={id}")).GetProperty("items").EnumerateArray()
            .Any(a => a.GetProperty("action").GetString() == "nominee.entry-withdrawn-after-appraisal"), found => found);

        var nominee = await fixture.GetAsync($"/api/recognition/{year}/nominees/{id}");
        Assert.Equal("verified", nominee.GetProperty("status").GetString());
        Assert.Equal(entryId, nominee.GetProperty("entryId").GetGuid());
    }

    [Fact]
    public async Task A_withdrawal_that_overtakes_its_acceptance_introduces_no_one()
    {
        var year = fixture.NewYear();
        var entryId = Guid.NewGuid();
        var withdrawal = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new EntryWithdrawn(entryId, year, "phuong-hang-bac", DateTimeOffset.UtcNow), withdrawal);
        // Nothing in the register shows a withdrawal of an unknown entry: the consumer has taken it once it is received.
        await fixture.Deliveries.WaitForAsync(withdrawal);
        await fixture.AcceptEntryAsync(year, "Đỗ Quốc Huy", "Hàng Bạc", "phuong-hang-bac", entryId: entryId);
        var marker = await fixture.AcceptEntryAsync(year, "Trần Bá Thọ", "Trần Hưng Đạo", "phuong-tran-hung-dao");

        var nominees = await fixture.WaitForRegisterAsync(year, count: 1, entries: 1);
        Assert.Equal(marker, nominees[0].GetProperty("entryId").GetGuid());
        var audit = (await fixture.GetAsync($"/api/recognition/{year}/audit")).GetProperty("items");
        Assert.Equal(["nominee.introduced"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_under_one_message_id_has_one_effect()
    {
        var year = fixture.NewYear();
        var messageId = Guid.NewGuid();
        var entryId = Guid.NewGuid();
        await fixture.AcceptEntryAsync(year, "Bùi Thị Hiếu", "Cửa Đông", entryId: entryId, messageId: messageId);
        await fixture.AcceptEntryAsync(year, "Bùi Thị Hiếu", "Cửa Đông", entryId: entryId, messageId: messageId);
        var nominees = await fixture.WaitForRegisterAsync(year, count: 1, entries: 1);
        await fixture.WaitForTotalsAsync(year, _ => true);

        var finalized = new JudgingFinalized(year, DateTimeOffset.UtcNow, [new RankedEntry(entryId, "phuong-hang-gai", "Bài viết", 1, 92.5, "first", true)]);
        var finalizedId = Guid.NewGuid();
        await fixture.Bus.PublishAsync(finalized, finalizedId);
        await fixture.Bus.PublishAsync(finalized, finalizedId);
        await Eventually.Until(async () => (await fixture.GetAsync($"/api/recognition/{year}/awards")).GetProperty("total").GetInt32(), total => total == 1);
        await fixture.Deliveries.WaitForAsync(finalizedId, times: 2);
        await fixture.WaitForFiguresTakenInAsync(year);

        var audit = (await fixture.GetAsync($"/api/recognition/{year}/audit?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Single(audit, action => action == "nominee.introduced");
        Assert.Single(audit, action => action == "award.recorded");
        Assert.Single(fixture.PublishedTotals(year));
        Assert.Equal(nominees[0].GetProperty("id").GetGuid(), (await fixture.GetAsync($"/api/recognition/{year}/awards")).GetProperty("items")[0].GetProperty("nomineeId").GetGuid());
    }

    [Fact]
    public async Task The_nominee_list_is_paged_and_refuses_an_unknown_status()
    {
        var year = fixture.NewYear();
        foreach (var i in Enumerable.Range(1, 5))
        {
            await fixture.AcceptEntryAsync(year, $"Người tốt số {i}", "Hàng Bồ", receivedAt: DateTimeOffset.Parse("2019-05-01T00:00:00Z").AddHours(i));
        }
        await fixture.WaitForRegisterAsync(year, count: 5, entries: 5);

        var page = await fixture.GetAsync($"/api/recognition/{year}/nominees?page=2&pageSize=2");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(["Người tốt số 3", "Người tốt số 4"], page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("fullName").GetString()));

        var bad = await fixture.Secretariat.GetAsync($"/api/recognition/{year}/nominees?status=approved");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
