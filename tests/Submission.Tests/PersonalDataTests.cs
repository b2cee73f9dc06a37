using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>The secretariat corrects and erases an entry's people; what is erased leaves the service's file and its events.</summary>
public sealed class PersonalDataTests(SubmissionFixture fixture)
{
    private const string Erased = "(đã xoá)";

    [Fact]
    public async Task Erased_nominee_and_author_leave_no_copy_in_the_file_or_the_events_and_answers_show_the_erasure()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-bac");
        var (nominee, author, phone, email) = ($"Phạm Thị Ngát {year}", $"Hoàng Văn Khải {year}", $"0987{year}", $"khai.{year}@example.vn");
        var entry = Entry(ArticleCorpus.Generate(year * 10));
        entry["title"] = $"Bà {nominee}, người giữ nếp phố";
        entry["body"] = $"{entry["body"]} Bài viết về bà {nominee.ToUpperInvariant()}. Người viết: {author}.";
        entry["author"]!["fullName"] = author;
        entry["author"]!["phone"] = phone;
        entry["author"]!["email"] = email;
        entry["nominee"]!["fullName"] = nominee;
        var id = (await SubmitExpectingAsync(client, year, entry, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var path = $"/api/contests/{year}/entries/{id}";
        await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<EntryAccepted>().Any(e => e.Message.EntryId == id)), found => found);
        Assert.True(DatabaseBytes.Hold(fixture.Service.DatabasePath, nominee, author, phone, email));

        var receipt = await ReadAsync(await fixture.Secretariat.PostAsJsonAsync($"{path}/erasure", new { person = "nominee" }));
        Assert.Equal("nominee", receipt.GetProperty("person").GetString());
        Assert.Equal("secretariat", receipt.GetProperty("erasedBy").GetString());
        var again = await fixture.Secretariat.PostAsJsonAsync($"{path}/erasure", new { person = "Nominee" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(receipt.GetProperty("erasedAt").GetDateTimeOffset(), (await ReadAsync(again)).GetProperty("erasedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PostAsJsonAsync($"{path}/erasure", new { person = "author" })).StatusCode);

        var erasures = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<PersonalDataErased>().Where(e => e.Message.EntryId == id).DistinctBy(e => e.Message.Person).ToList()),
            found => found.Count == 2);
        Assert.All(erasures, e => Assert.Equal($"Bà {Erased}, người giữ nếp phố", e.Message.Title));
        var redacted = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<EntryTextRedacted>().Select(e => e.Message).Where(m => m.EntryId == id).MaxBy(m => m.RedactedAt)),
            last => last is not null && last.Body.EndsWith($"Người viết: {Erased}."));
        Assert.EndsWith($"Bài viết về bà {Erased}. Người viết: {Erased}.", redacted!.Body);
        Assert.False(DatabaseBytes.Hold(fixture.Service.DatabasePath, nominee, nominee.ToUpperInvariant(), author, phone, email));

        var shown = await ReadAsync(await fixture.Secretariat.GetAsync(path));
        Assert.Equal(Erased, shown.GetProperty("author").GetProperty("fullName").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("author").GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("author").GetProperty("email").ValueKind);
        Assert.Equal(Erased, shown.GetProperty("nominee").GetProperty("fullName").GetString());
        Assert.Equal(Erased, shown.GetProperty("nominee").GetProperty("address").GetProperty("ward").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("nominee").GetProperty("birthYear").ValueKind);
        Assert.Equal($"Bà {Erased}, người giữ nếp phố", shown.GetProperty("title").GetString());

        var correction = await fixture.Secretariat.PatchAsJsonAsync(path, new { nominee = new { fullName = nominee } });
        Assert.Equal(HttpStatusCode.Conflict, correction.StatusCode);
        Assert.Equal("personal_data_erased", (await ReadAsync(correction)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Corrected_nominee_is_stored_answered_and_published_and_other_fields_stay()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-dao");
        var id = (await SubmitExpectingAsync(client, year, Entry(year * 10), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var path = $"/api/contests/{year}/entries/{id}";

        var answer = await fixture.Secretariat.PatchAsJsonAsync(path, new
        {
            author = new { email = $"moi.{year}@example.vn" },
            nominee = new { fullName = $"Đỗ  Thị   Hoa {year}", address = new { ward = "hàng đào" } }
        });
        var corrected = await ReadAsync(answer);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal($"moi.{year}@example.vn", corrected.GetProperty("author").GetProperty("email").GetString());
        Assert.Equal("0912345678", corrected.GetProperty("author").GetProperty("phone").GetString());
        Assert.Equal($"Đỗ Thị Hoa {year}", corrected.GetProperty("nominee").GetProperty("fullName").GetString());
        Assert.Equal("Hàng Đào", corrected.GetProperty("nominee").GetProperty("address").GetProperty("ward").GetString());
        Assert.Equal(1956, corrected.GetProperty("nominee").GetProperty("birthYear").GetInt32());
        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<NomineeCorrected>().Select(e => e.Message).FirstOrDefault(m => m.EntryId == id)), m => m is not null);
        Assert.Equal(($"Đỗ Thị Hoa {year}", "Hàng Đào"), (published!.FullName, published.Ward));
        Assert.Equal(corrected.GetProperty("nominee").GetProperty("fullName").GetString(), (await ReadAsync(await fixture.Secretariat.GetAsync(path))).GetProperty("nominee").GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task Bad_corrections_and_erasures_are_problems_and_change_nothing()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "hang-ma");
        var id = (await SubmitExpectingAsync(client, year, Entry(year * 10), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var path = $"/api/contests/{year}/entries/{id}";
        var before = (await ReadAsync(await fixture.Secretariat.GetAsync(path))).GetRawText();

        async Task Expect(HttpResponseMessage response, HttpStatusCode status, string code)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, (await ReadAsync(response)).GetProperty("code").GetString());
        }
        await Expect(await fixture.Secretariat.PostAsJsonAsync($"{path}/erasure", new { person = "judge" }), HttpStatusCode.BadRequest, "validation_failed");
        await Expect(await fixture.Secretariat.PostAsJsonAsync($"/api/contests/{year}/entries/{Guid.NewGuid()}/erasure", new { person = "author" }), HttpStatusCode.NotFound, "entry_not_found");
        await Expect(await client.PostAsJsonAsync($"{path}/erasure", new { person = "author" }), HttpStatusCode.Forbidden, "forbidden");
        await Expect(await client.PatchAsJsonAsync(path, new { author = new { phone = "0900000000" } }), HttpStatusCode.Forbidden, "forbidden");
        await Expect(await fixture.Secretariat.PatchAsJsonAsync(path, new { nominee = new { address = new { ward = "Bến Nghé" } } }), HttpStatusCode.UnprocessableEntity, "nominee_outside_district");
        await Expect(await fixture.Secretariat.PatchAsJsonAsync(path, new { author = new { fullName = new string('a', 201) } }), HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(before, (await ReadAsync(await fixture.Secretariat.GetAsync(path))).GetRawText());
        Assert.DoesNotContain(fixture.Bus.Received<NomineeCorrected>(), e => e.Message.EntryId == id);
        Assert.DoesNotContain(fixture.Bus.Received<PersonalDataErased>(), e => e.Message.EntryId == id);
    }
}
