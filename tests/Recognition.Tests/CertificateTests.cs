using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HoanKiem.Contracts;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class CertificateTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task A_signed_decision_prints_one_certificate_page_per_recipient_with_its_number_date_and_signer()
    {
        var year = fixture.NewYear();
        var hieu = await fixture.VerifiedNomineeAsync(year, "Bà Bùi Thị Hiếu", "Cửa Đông");
        var hung = await fixture.VerifiedNomineeAsync(year, "Ông Lương Quốc Hưng", "Hàng Mã");
        var signed = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions", new
        {
            number = "5680/QĐ-UBND", signedOn = "2019-12-20", form = "Giấy khen", amountPerRecipient = 500_000, nomineeIds = new[] { hieu, hung },
            signerName = "Nguyễn Chí Lực", achievement = "Đã có thành tích xuất sắc trong phong trào “Người tốt, việc tốt” năm 2019"
        });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var decision = await signed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Chủ tịch", "Nguyễn Chí Lực"), (decision.GetProperty("signerTitle").GetString(), decision.GetProperty("signerName").GetString()));

        var response = await fixture.Secretariat.GetAsync($"/api/recognition/{year}/decisions/{decision.GetProperty("id").GetGuid()}/certificates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = word.MainDocumentPart!.Document!.Body!;
        Assert.Single(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        var pages = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText)).Split("GIẤY KHEN");
        Assert.Equal(3, pages.Length);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM", pages[0]);
        foreach (var (page, name, ward) in new[] { (pages[1], "Bà Bùi Thị Hiếu", "Phường Cửa Đông"), (pages[2], "Ông Lương Quốc Hưng", "Phường Hàng Mã") })
        {
            Assert.Contains(name, page);
            Assert.Contains(ward, page);
            Assert.Contains("Đã có thành tích xuất sắc trong phong trào “Người tốt, việc tốt” năm 2019", page);
            Assert.Contains("Quyết định số 5680/QĐ-UBND", page);
            Assert.Contains("Hoàn Kiếm, ngày 20 tháng 12 năm 2019", page);
            Assert.Contains("Nguyễn Chí Lực", page);
        }
    }

    [Fact]
    public async Task A_decision_of_a_year_a_ward_organises_names_the_ward_s_committee_unless_told_otherwise()
    {
        var year = fixture.NewYear();
        var configured = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new ContestConfigured(year, $"Cuộc thi năm {year}", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), 1300, 1500,
            new ContestOrganiser("Ủy ban nhân dân phường Hoàn Kiếm", ContestOrganiser.Ward, "phường Hoàn Kiếm", "Chủ tịch")), configured);
        await fixture.Deliveries.WaitForAsync([configured]);
        var nominee = await fixture.VerifiedNomineeAsync(year, "Bà Đỗ Thị Hằng", "Hàng Trống");
        var another = await fixture.VerifiedNomineeAsync(year, "Ông Trần Văn Bảo", "Hàng Bông");

        var signed = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions", new
        {
            number = $"12/{year}/QĐ-UBND", signedOn = $"{year}-12-20", form = "Giấy khen", amountPerRecipient = 500_000, nomineeIds = new[] { nominee }
        });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var decision = await signed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Ủy ban nhân dân phường Hoàn Kiếm", "Chủ tịch"), (decision.GetProperty("issuer").GetString(), decision.GetProperty("signerTitle").GetString()));
        var certificates = await fixture.Secretariat.GetAsync($"/api/recognition/{year}/decisions/{decision.GetProperty("id").GetGuid()}/certificates");
        using (var word = WordprocessingDocument.Open(new MemoryStream(await certificates.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM", word.MainDocumentPart!.Document!.Body!.InnerText);
        }

        var named = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions", new
        {
            number = $"13/{year}/QĐ-UBND", signedOn = $"{year}-12-21", form = "Giấy khen", amountPerRecipient = 500_000, nomineeIds = new[] { another },
            issuer = "Ủy ban nhân dân thành phố Hà Nội"
        });
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal("Ủy ban nhân dân thành phố Hà Nội", (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Certificates_of_a_decision_not_in_the_year_are_a_404_problem()
    {
        var year = fixture.NewYear();

        var response = await fixture.Secretariat.GetAsync($"/api/recognition/{year}/decisions/{Guid.NewGuid()}/certificates");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("decision_not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
