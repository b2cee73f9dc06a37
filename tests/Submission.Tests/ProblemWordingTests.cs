using System.Net;
using HoanKiem.Submission.Corpus;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>Problems read in Vietnamese unless the client asks for English; the code never changes.</summary>
public sealed class ProblemWordingTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Rule_problem_is_vietnamese_by_default_and_english_on_request_with_the_same_code()
    {
        var year = await fixture.OpenContestAsync();
        var (_, client) = await fixture.UnitAsync(year, "trang-tien");
        var article = ArticleCorpus.Generate(year * 10);
        var shortEntry = Entry(article with { Body = string.Join(' ', article.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(1250)) });

        var vietnamese = await SubmitExpectingAsync(client, year, shortEntry, HttpStatusCode.UnprocessableEntity, "word_count_out_of_range");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB, vi;q=0.5");
        var english = await SubmitExpectingAsync(client, year, shortEntry, HttpStatusCode.UnprocessableEntity, "word_count_out_of_range");

        Assert.Equal(("Không đáp ứng quy định", "Bài viết có 1.250 từ; Thể lệ yêu cầu từ 1.300 đến 1.500 từ."),
            (vietnamese.GetProperty("title").GetString(), vietnamese.GetProperty("detail").GetString()));
        Assert.Equal(("Rule not met", "The entry has 1,250 words; the rules ask for 1,300 to 1,500."),
            (english.GetProperty("title").GetString(), english.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Framework_answers_are_worded_in_the_clients_language_too()
    {
        using var anonymous = fixture.Service.CreateClient();
        var unauthorised = await anonymous.GetAsync("/api/units");
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var unauthorisedInEnglish = await anonymous.SendAsync(english);

        var vietnamese = await ReadAsync(unauthorised);
        Assert.Equal(("unauthorized", "Cần xác thực"), (vietnamese.GetProperty("code").GetString(), vietnamese.GetProperty("title").GetString()));
        Assert.Equal("vi", unauthorised.Content.Headers.ContentLanguage.Single());
        var inEnglish = await ReadAsync(unauthorisedInEnglish);
        Assert.Equal(("unauthorized", "Authentication required"), (inEnglish.GetProperty("code").GetString(), inEnglish.GetProperty("title").GetString()));
    }
}
