using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HoanKiem.Submission.Corpus;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>The city round: the secretariat forwards articles in batches and sends each batch as one package.</summary>
public sealed class ForwardingTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Forwarded_batch_lists_its_entries_and_its_package_holds_each_article_whole_with_author_and_nominee()
    {
        var year = await fixture.OpenContestAsync();
        var (unitCode, client) = await fixture.UnitAsync(year, "trang-tien");
        var first = Entry(ArticleCorpus.Generate(year * 10 + 1));
        first["title"] = $"Cô giáo Nguyễn Thị Lụa và lớp học tình thương {year}";
        first["author"]!["fullName"] = "Trần Văn Đức";
        first["author"]!["phone"] = "0912345678";
        first["nominee"]!["fullName"] = "Nguyễn Thị Lụa";
        var ids = new List<Guid>
        {
            (await SubmitExpectingAsync(client, year, first, HttpStatusCode.Created)).GetProperty("id").GetGuid(),
            (await SubmitExpectingAsync(client, year, Entry(year * 10 + 2), HttpStatusCode.Created)).GetProperty("id").GetGuid()
        };
        var path = $"/api/contests/{year}/forwarding-batches";

        var created = await fixture.Secretariat.PostAsJsonAsync(path, new { label = $"Tháng 3/{year}", entryIds = ids });
        var batch = await ReadAsync(created);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(ids, batch.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        var listed = Assert.Single((await ReadAsync(await fixture.Secretariat.GetAsync(path))).EnumerateArray());
        Assert.Equal(2, listed.GetProperty("entries").GetInt32());
        Assert.Equal($"Tháng 3/{year}", listed.GetProperty("label").GetString());

        var download = await fixture.Secretariat.GetAsync($"{path}/{batch.GetProperty("id").GetGuid()}/package.docx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Danh sách bài viết gửi thành phố", text);
        Assert.Contains("ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM", text);
        Assert.Contains($"Bài số 1: {first["title"]}", text);
        Assert.Contains("Điện thoại: 0912345678", text);
        Assert.Contains("Họ và tên: Nguyễn Thị Lụa", text);
        Assert.Contains(first["body"]!.GetValue<string>().Split('\n')[0].Trim()[..60], text);
        Assert.Contains("Bài số 2:", text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(unitCode, batch.GetProperty("entries")[0].GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task An_entry_goes_to_the_city_once_and_a_refused_batch_changes_nothing()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "cua-nam");
        var id = (await SubmitExpectingAsync(client, year, Entry(year * 10 + 3), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var path = $"/api/contests/{year}/forwarding-batches";
        Assert.Equal(HttpStatusCode.Created, (await fixture.Secretariat.PostAsJsonAsync(path, new { label = "Tháng 4", entryIds = new[] { id } })).StatusCode);

        var again = await fixture.Secretariat.PostAsJsonAsync(path, new { label = "Tháng 5", entryIds = new[] { id } });
        var unknown = await fixture.Secretariat.PostAsJsonAsync(path, new { label = "Tháng 5", entryIds = new[] { Guid.NewGuid() } });
        var unlabelled = await fixture.Secretariat.PostAsJsonAsync(path, new { label = "  ", entryIds = new[] { id } });
        var byUnit = await client.PostAsJsonAsync(path, new { label = "Tháng 5", entryIds = new[] { id } });

        var conflict = await ReadAsync(again);
        Assert.Equal((HttpStatusCode.Conflict, "entry_already_forwarded"), (again.StatusCode, conflict.GetProperty("code").GetString()));
        Assert.Contains("Tháng 4", conflict.GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "entries_not_forwardable"), (unknown.StatusCode, (await ReadAsync(unknown)).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unlabelled.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Single((await ReadAsync(await fixture.Secretariat.GetAsync(path))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Secretariat.GetAsync($"{path}/{Guid.NewGuid()}/package.docx")).StatusCode);
    }
}
