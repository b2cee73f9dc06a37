using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using HoanKiem.ServiceDefaults;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.SystemTests.ThinSliceTests;

namespace HoanKiem.SystemTests;

/// <summary>
/// A person's rights over their data (Law 91/2025) through the whole system: the secretariat corrects a nominee's
/// name, then erases the nominee and the author; every service's SQLite file, log included, is then read byte by byte.
/// </summary>
public sealed class PersonalDataTests(SystemFixture system)
{
    private const string Erased = "(đã xoá)";

    [Fact]
    public async Task Erased_author_and_nominee_leave_no_copy_in_any_database_and_answers_show_the_erasure()
    {
        var year = system.NewYear();
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var unitCode = $"phuong-hang-bac-{year}";
        var unit = await ReadJson(await secretariat.PostAsJsonAsync("/api/units", new { code = unitCode, name = "Phường Hàng Bạc", kind = "ward" }), HttpStatusCode.Created);
        await ReadJson(await secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = $"Viết về gương người tốt, việc tốt năm {year}",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30)
        }), HttpStatusCode.Created);
        using var ward = system.Client(await system.TokenAsync(unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!));

        // Unique to this test, so no other test's rows can hold them.
        var misspelt = $"Phạm Thị Ngat {year}";
        var nominee = $"Phạm Thị Ngát {year}";
        var author = $"Hoàng Văn Khải {year}";
        var phone = $"0987{year}";
        var email = $"khai.{year}@example.vn";
        var receipt = await ReadJson(await ward.PostAsJsonAsync($"/api/contests/{year}/entries", new
        {
            title = $"Bà {misspelt}, người giữ nếp phố",
            body = $"{TestData.Article(year)} Bài viết về bà {misspelt} ở phố Hàng Bạc. Người viết: {author}.",
            field = "culture-society",
            author = new { fullName = author, position = "Cán bộ phường", phone, email },
            nominee = new { fullName = misspelt, birthYear = 1950, position = "Tổ trưởng", workplace = "Tổ dân phố số 3", address = new { street = "7 Hàng Bạc", ward = "Hàng Bạc" } }
        }), HttpStatusCode.Created);
        var entry = $"/api/contests/{year}/entries/{receipt.GetProperty("id").GetString()}";

        var corrected = await ReadJson(await secretariat.PatchAsJsonAsync(entry, new { nominee = new { fullName = nominee } }), HttpStatusCode.OK);
        Assert.Equal(nominee, corrected.GetProperty("nominee").GetProperty("fullName").GetString());
        Assert.Equal("Tổ trưởng", corrected.GetProperty("nominee").GetProperty("position").GetString());
        await Eventually.Until(() => NomineesAsync(secretariat, year), items => items.Count == 1 && items[0].GetProperty("fullName").GetString() == nominee);

        // Before the erasure each copy is found where it is kept, so the search below can tell.
        string[] people = [misspelt, nominee, author, phone, email];
        var before = await Eventually.Until(() => Task.FromResult(Holders(people)),
            found => found.Contains(ResourceNames.SubmissionDb) && found.Contains(ResourceNames.RecognitionDb) && found.Contains(ResourceNames.JudgingDb));
        Assert.DoesNotContain(ResourceNames.ReportingDb, before);

        var erasure = await ReadJson(await secretariat.PostAsJsonAsync($"{entry}/erasure", new { person = "nominee" }), HttpStatusCode.OK);
        Assert.Equal("nominee", erasure.GetProperty("person").GetString());
        Assert.False(string.IsNullOrEmpty(erasure.GetProperty("erasedBy").GetString()));
        var again = await ReadJson(await secretariat.PostAsJsonAsync($"{entry}/erasure", new { person = "nominee" }), HttpStatusCode.OK);
        Assert.Equal(erasure.GetProperty("erasedAt").GetDateTimeOffset(), again.GetProperty("erasedAt").GetDateTimeOffset());
        await ReadJson(await secretariat.PostAsJsonAsync($"{entry}/erasure", new { person = "author" }), HttpStatusCode.OK);

        await Eventually.Until(() => Task.FromResult(Leftovers(people)), left => left.Length == 0, TimeSpan.FromSeconds(60));

        var shown = await ReadJson(await secretariat.GetAsync(entry), HttpStatusCode.OK);
        Assert.Equal(Erased, shown.GetProperty("author").GetProperty("fullName").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("author").GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("author").GetProperty("email").ValueKind);
        Assert.Equal(Erased, shown.GetProperty("nominee").GetProperty("fullName").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("nominee").GetProperty("birthYear").ValueKind);
        Assert.Equal($"Bà {Erased}, người giữ nếp phố", shown.GetProperty("title").GetString());
        Assert.EndsWith($"Bài viết về bà {Erased} ở phố Hàng Bạc. Người viết: {Erased}.", shown.GetProperty("body").GetString());
        var listed = (await NomineesAsync(secretariat, year)).Single();
        Assert.Equal(Erased, listed.GetProperty("fullName").GetString());
        Assert.Equal(Erased, listed.GetProperty("ward").GetString());

        var audit = await ReadJson(await secretariat.GetAsync($"/api/recognition/{year}/audit?pageSize=200"), HttpStatusCode.OK);
        var erasedRecord = audit.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "personal-data.erased");
        Assert.Equal(erasure.GetProperty("erasedBy").GetString(), erasedRecord.GetProperty("actorId").GetString());
        Assert.Equal("nominee", erasedRecord.GetProperty("changes").GetProperty("person").GetString());
        var auditText = JsonSerializer.Serialize(audit, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("nominee.introduced", auditText);
        Assert.DoesNotContain(misspelt, auditText);
        Assert.DoesNotContain(nominee, auditText);

        var refused = await secretariat.PatchAsJsonAsync(entry, new { nominee = new { fullName = nominee } });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("personal_data_erased", (await ReadJson(refused, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    private static async Task<List<JsonElement>> NomineesAsync(HttpClient secretariat, int year) =>
        [.. (await ReadJson(await secretariat.GetAsync($"/api/recognition/{year}/nominees"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    private static readonly string[] Databases = [ResourceNames.SubmissionDb, ResourceNames.JudgingDb, ResourceNames.RecognitionDb, ResourceNames.ReportingDb];

    /// <summary>The services' databases whose file or log holds any of <paramref name="values"/>.</summary>
    private List<string> Holders(string[] values) =>
        [.. Databases.Where(database => DatabaseBytes.Hold(Path.Combine(system.DataDirectory, database + ".db"), values))];

    /// <summary>Which database holds which of <paramref name="values"/>, so a wait that runs out says what was left where.</summary>
    private string Leftovers(string[] values) =>
        string.Join("; ", from database in Databases
                          from value in values
                          where DatabaseBytes.Hold(Path.Combine(system.DataDirectory, database + ".db"), value)
                          select $"{database} holds {value}");
}
