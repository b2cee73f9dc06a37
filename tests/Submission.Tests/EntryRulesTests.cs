using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

public sealed class EntryRulesTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Valid_entry_is_accepted_with_its_word_count_and_published()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "hang-gai");
        var article = ArticleCorpus.Generate(year * 10);

        var receipt = await SubmitExpectingAsync(client, year, Entry(article), HttpStatusCode.Created);

        Assert.Equal(unit, receipt.GetProperty("unitCode").GetString());
        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(ArticleCorpus.CountWords(article.Body), receipt.GetProperty("wordCount").GetInt32());
        var id = receipt.GetProperty("id").GetGuid();
        var accepted = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<Contracts.EntryAccepted>().Where(e => e.Message.EntryId == id).ToList()), found => found.Count > 0);
        Assert.Equal(receipt.GetProperty("receivedAt").GetDateTimeOffset(), accepted[0].Message.ReceivedAt);
        Assert.Equal(article.NomineeFullName, accepted[0].Message.NomineeFullName);
        Assert.Equal(article.NomineeWard, accepted[0].Message.NomineeWard);
        var text = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<Contracts.EntryTextSubmitted>().Where(e => e.Message.EntryId == id).ToList()), found => found.Count > 0);
        Assert.Equal(article.Body, text[0].Message.Body);
    }

    [Fact]
    public async Task Too_short_and_too_long_entries_are_refused_with_the_counts_and_recorded()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "phan-chu-trinh");
        var article = ArticleCorpus.Generate(year * 10);
        var words = Words(article.Body);

        var shortEntry = Entry(article with { Body = string.Join(' ', words.Take(1299)) });
        var tooShort = await SubmitExpectingAsync(client, year, shortEntry, HttpStatusCode.UnprocessableEntity, "word_count_out_of_range");
        var longEntry = Entry(article with { Body = string.Join(' ', words.Concat(words).Take(1501)) });
        var tooLong = await SubmitExpectingAsync(client, year, longEntry, HttpStatusCode.UnprocessableEntity, "word_count_out_of_range");

        Assert.Equal((1299, 1300, 1500), (tooShort.GetProperty("wordCount").GetInt32(), tooShort.GetProperty("minWords").GetInt32(), tooShort.GetProperty("maxWords").GetInt32()));
        Assert.Equal(1501, tooLong.GetProperty("wordCount").GetInt32());
        var refusals = await fixture.RefusalsAsync(year, unit, 2);
        Assert.All(refusals, r => Assert.Equal(("word_count_out_of_range", (Guid?)null), (r.Code, r.DuplicateOfEntryId)));
    }

    [Fact]
    public async Task Word_limits_are_the_contest_years_own()
    {
        var year = await fixture.OpenContestAsync(minWords: 100, maxWords: 2000);
        var (_, client) = await fixture.UnitAsync(year, "ly-thai-to");
        var words = Words(ArticleCorpus.Generate(year * 10).Body);

        await SubmitExpectingAsync(client, year, Entry(ArticleCorpus.Generate(year * 10) with { Body = string.Join(' ', words.Concat(words).Take(1900)) }), HttpStatusCode.Created);
        var refused = await SubmitExpectingAsync(client, year, Entry(ArticleCorpus.Generate(year * 10 + 1) with { Body = string.Join(' ', words.Take(99)) }),
            HttpStatusCode.UnprocessableEntity, "word_count_out_of_range");

        Assert.Equal((99, 100, 2000), (refused.GetProperty("wordCount").GetInt32(), refused.GetProperty("minWords").GetInt32(), refused.GetProperty("maxWords").GetInt32()));
    }

    [Fact]
    public async Task Words_are_whitespace_separated_tokens_of_the_nfc_text()
    {
        var year = await fixture.OpenContestAsync(minWords: 5, maxWords: 2000);
        var (_, client) = await fixture.UnitAsync(year, "hang-bac");
        // Tabs, line breaks and runs of spaces separate words; punctuation attached to a word does not make another.
        var body = "Người   tốt,\tviệc tốt.\n\nÔng Nguyễn Văn An,tổ trưởng!";
        var entry = Entry(year * 10);
        entry["body"] = body.Normalize(NormalizationForm.FormD);

        var receipt = await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created);

        Assert.Equal(9, receipt.GetProperty("wordCount").GetInt32());
    }

    [Theory]
    [InlineData("title", "Gương sáng\u202E phố cổ")]
    [InlineData("title", "Gương sáng\nphố cổ")]
    [InlineData("body", "\u0007")]
    [InlineData("body", "\u2066")]
    [InlineData("author.fullName", "Nguyễn\u0000 Văn An")]
    [InlineData("author.fullName", "Nguyễn\u0085Văn An")]
    [InlineData("nominee.address.ward", "Hàng\tGai")]
    [InlineData("nominee.fullName", "Trần Thị \uFDD0Bình")]
    [InlineData("nominee.fullName", "Trần Thị Bình\U0001FFFF")]
    public async Task Text_holding_control_characters_noncharacters_or_bidirectional_overrides_is_refused_naming_the_field(string field, string text)
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "dong-xuan");
        var entry = Entry(year * 10);
        var path = field.Split('.');
        var holder = path[..^1].Aggregate((JsonNode)entry, (node, name) => node[name]!);
        holder[path[^1]] = path[^1] == "body" ? entry["body"]!.GetValue<string>() + text : text;

        var problem = await SubmitExpectingAsync(client, year, entry, HttpStatusCode.UnprocessableEntity, "invalid_text");

        Assert.Equal(field, Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
        var listed = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?unitCode={unit}"));
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Line_breaks_tabs_and_invisible_but_harmless_characters_are_text_in_an_article()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-trong");
        var entry = Entry(year * 10);
        entry["body"] = entry["body"]!.GetValue<string>().Replace(". ", ".\r\n\t") + " Cảm ơn 👨\u200D👩\u200D👧 gia đình\u00AD.";

        var receipt = await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created);

        var stored = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{receipt.GetProperty("id").GetGuid()}"));
        Assert.Equal(entry["body"]!.GetValue<string>(), stored.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("fullName")]
    [InlineData("contact")]
    [InlineData("author")]
    public async Task Entry_without_author_name_or_contact_is_refused(string missing)
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "lao-dong");
        var entry = Entry(year * 10);
        var author = entry["author"]!.AsObject();
        switch (missing)
        {
            case "fullName":
                author["fullName"] = "   ";
                break;
            case "contact":
                author.Remove("phone");
                author["email"] = "";
                break;
            default:
                entry.Remove("author");
                break;
        }

        await SubmitExpectingAsync(client, year, entry, HttpStatusCode.UnprocessableEntity, "missing_author_info");

        Assert.Equal("missing_author_info", Assert.Single(await fixture.RefusalsAsync(year, unit, 1)).Code);
    }

    [Fact]
    public async Task Author_with_a_name_and_only_an_email_is_enough()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "doan");
        var entry = Entry(year * 10);
        entry["author"] = new JsonObject { ["fullName"] = "Lê Thị Hoa", ["email"] = "hoa@example.vn" };

        await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("fullName")]
    [InlineData("ward")]
    [InlineData("nominee")]
    public async Task Entry_without_nominee_name_or_ward_is_refused(string missing)
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hoi-ccb");
        var entry = Entry(year * 10);
        var nominee = entry["nominee"]!.AsObject();
        switch (missing)
        {
            case "fullName":
                nominee.Remove("fullName");
                break;
            case "ward":
                nominee["address"]!.AsObject().Remove("ward");
                break;
            default:
                entry.Remove("nominee");
                break;
        }

        await SubmitExpectingAsync(client, year, entry, HttpStatusCode.UnprocessableEntity, "missing_nominee_info");
    }

    [Theory]
    [InlineData("Hàng Gai")]
    [InlineData("phường Hàng Gai")]
    [InlineData("Phường Hàng Gai")]
    [InlineData("P. Hàng Gai")]
    [InlineData("P.Hàng Gai")]
    [InlineData("hang gai")]
    [InlineData("HÀNG GAI")]
    [InlineData("  Hàng   Gai ")]
    [InlineData("PHUONG HANG GAI")]
    public async Task Nominee_ward_matches_whatever_its_case_diacritics_or_prefix(string ward)
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-gai");
        var entry = Entry(year * 10);
        entry["nominee"]!["address"]!["ward"] = ward.Normalize(NormalizationForm.FormD);

        var receipt = await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created);

        var stored = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{receipt.GetProperty("id").GetGuid()}"));
        Assert.Equal("Hàng Gai", stored.GetProperty("nominee").GetProperty("address").GetProperty("ward").GetString());
    }

    [Theory]
    [InlineData("Đống Đa")]
    [InlineData("Hàng")]
    [InlineData("Hàng Gai Mới")]
    [InlineData("Phường 5")]
    public async Task Nominee_outside_the_district_is_refused(string ward)
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "phuc-tan");
        var entry = Entry(year * 10);
        entry["nominee"]!["address"]!["ward"] = ward;

        await SubmitExpectingAsync(client, year, entry, HttpStatusCode.UnprocessableEntity, "nominee_outside_district");

        Assert.Equal("nominee_outside_district", Assert.Single(await fixture.RefusalsAsync(year, unit, 1)).Code);
    }

    [Fact]
    public async Task Ward_list_is_the_contest_years_own()
    {
        var year = await fixture.OpenContestAsync();
        var response = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = "Cuộc thi của phường mới",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
            districtWards = new[] { "Hoàn Kiếm", "Cửa Nam" }
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, client) = await fixture.UnitAsync(year, "hoan-kiem");
        var inside = Entry(year * 10);
        inside["nominee"]!["address"]!["ward"] = "phường Hoàn Kiếm";
        var outside = Entry(year * 10 + 1);
        outside["nominee"]!["address"]!["ward"] = "Hàng Gai";

        await SubmitExpectingAsync(client, year, inside, HttpStatusCode.Created);
        await SubmitExpectingAsync(client, year, outside, HttpStatusCode.UnprocessableEntity, "nominee_outside_district");
    }

    [Theory]
    [InlineData("sports")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Unknown_field_is_refused(string? field)
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "ttgdnn");
        var entry = Entry(year * 10);
        entry["field"] = field;

        await SubmitExpectingAsync(client, year, entry, HttpStatusCode.UnprocessableEntity, "invalid_field");
    }

    [Fact]
    public async Task Field_codes_match_without_regard_to_case()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "noi-vu");
        var entry = Entry(year * 10);
        entry["field"] = " Defense-Security ";

        var receipt = await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created);

        var stored = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{receipt.GetProperty("id").GetGuid()}"));
        Assert.Equal("defense-security", stored.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Entries_outside_the_contest_window_are_refused()
    {
        var notYetOpen = await fixture.OpenContestAsync(opensAt: DateTimeOffset.UtcNow.AddDays(1), closesAt: DateTimeOffset.UtcNow.AddDays(30));
        var closed = await fixture.OpenContestAsync(opensAt: DateTimeOffset.UtcNow.AddDays(-30), closesAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var (unit, client) = await fixture.UnitAsync(closed, "cua-nam");

        await SubmitExpectingAsync(client, notYetOpen, Entry(closed * 10), HttpStatusCode.UnprocessableEntity, "contest_closed");
        await SubmitExpectingAsync(client, closed, Entry(closed * 10), HttpStatusCode.UnprocessableEntity, "contest_closed");

        Assert.Equal("contest_closed", Assert.Single(await fixture.RefusalsAsync(closed, unit, 1)).Code);
    }

    [Fact]
    public async Task Entry_for_a_year_without_a_contest_is_not_found_and_changes_nothing()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "dong-xuan");

        await SubmitExpectingAsync(client, YearWithoutContest, Entry(year * 10), HttpStatusCode.NotFound, "contest_not_found");

        var list = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{YearWithoutContest}/entries?unitCode={unit}"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Markup_is_stored_as_the_text_that_was_typed()
    {
        var year = await fixture.OpenContestAsync(minWords: 5);
        var (_, client) = await fixture.UnitAsync(year, "hang-trong");
        var body = "<p>Bà <b>Lan</b> giúp đỡ</p> <script>alert('xin chào')</script> &amp; hàng xóm &lt;3 <img src=x onerror=alert(1)>";
        var entry = Entry(year * 10);
        entry["title"] = "<h1>Người tốt</h1>";
        entry["body"] = body;

        var receipt = await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created);

        var stored = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{receipt.GetProperty("id").GetGuid()}"));
        Assert.Equal(body, stored.GetProperty("body").GetString());
        Assert.Equal("<h1>Người tốt</h1>", stored.GetProperty("title").GetString());
        Assert.Equal(body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, receipt.GetProperty("wordCount").GetInt32());
    }

    [Fact]
    public async Task Decomposed_text_is_stored_composed()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "cua-dong");
        var article = ArticleCorpus.Generate(year * 10);
        var entry = Entry(ArticleCorpus.Edit(article, EditKind.Decomposed, 1));
        entry["nominee"]!["fullName"] = article.NomineeFullName.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(article.Body, entry["body"]!.GetValue<string>());

        var receipt = await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created);

        var stored = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{receipt.GetProperty("id").GetGuid()}"));
        Assert.Equal(article.Body, stored.GetProperty("body").GetString());
        Assert.Equal(article.Title, stored.GetProperty("title").GetString());
        Assert.Equal(article.NomineeFullName, stored.GetProperty("nominee").GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task Body_over_256_KB_is_refused_with_413()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-ma");
        var entry = Entry(year * 10);
        entry["body"] = string.Concat(Enumerable.Repeat("người tốt việc tốt ", 16_000));

        var response = await SubmitAsync(client, year, entry);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await ReadAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Malformed_or_oversized_fields_are_400_and_record_nothing()
    {
        var year = await fixture.OpenContestAsync();
        var (unit, client) = await fixture.UnitAsync(year, "hang-bo");
        var longName = Entry(year * 10);
        longName["nominee"]!["fullName"] = new string('a', 201);
        var badYear = Entry(year * 10);
        badYear["nominee"]!["birthYear"] = 1700;
        var noTitle = Entry(year * 10);
        noTitle.Remove("title");

        foreach (var entry in new[] { longName, badYear, noTitle })
        {
            await SubmitExpectingAsync(client, year, entry, HttpStatusCode.BadRequest, "validation_failed");
        }
        var malformed = await client.PostAsync($"/api/contests/{year}/entries", new StringContent("{\"title\": 5,", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var accepted = (await SubmitExpectingAsync(client, year, Entry(year * 10 + 1), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Events leave in commit order: once the later acceptance has arrived, a refusal of the earlier attempts would have too.
        await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<Contracts.EntryAccepted>().Any(e => e.Message.EntryId == accepted)), found => found);
        Assert.DoesNotContain(fixture.Bus.Received<Contracts.EntryRefused>(), r => r.Message.UnitCode == unit);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
