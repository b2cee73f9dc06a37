using HoanKiem.Submission.Corpus;

namespace HoanKiem.TestSupport;

/// <summary>Vietnamese test data: articles of a chosen length that differ from each other by seed.</summary>
public static class TestData
{
    /// <summary>Exactly <paramref name="words"/> words; two seeds give articles with little in common.</summary>
    public static string Article(int seed, int words = 1400) => SyllableText.Generate(seed, words);

    /// <summary>An entry body as API.md shows it, valid for a contest with the default rules.</summary>
    public static object Entry(int seed, string ward = "Hàng Gai", string field = "culture-society", int words = 1400, string? unitCode = null) => new
    {
        title = $"Gương người tốt việc tốt số {seed}",
        body = Article(seed, words),
        field,
        unitCode,
        author = new { fullName = "Nguyễn Văn An", position = "Cán bộ phường", phone = "0912345678", email = "an@example.vn" },
        nominee = new
        {
            fullName = $"Trần Thị Bình {seed}",
            birthYear = 1956,
            position = "Tổ trưởng tổ dân phố",
            workplace = "Tổ dân phố số 5",
            address = new { street = "12 Hàng Gai", ward }
        }
    };
}
