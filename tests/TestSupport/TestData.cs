namespace HoanKiem.TestSupport;

/// <summary>Vietnamese test data: articles of a chosen length that differ from each other by seed.</summary>
public static class TestData
{
    private static readonly string[] Syllables =
    [
        "người", "tốt", "việc", "phong", "trào", "thi", "đua", "yêu", "nước", "phường", "quận", "Hoàn", "Kiếm",
        "gương", "điển", "hình", "tiên", "tiến", "cộng", "đồng", "giúp", "đỡ", "hộ", "nghèo", "tổ", "dân", "phố",
        "văn", "hóa", "gia", "đình", "trẻ", "em", "học", "sinh", "cựu", "chiến", "binh", "phụ", "nữ", "thanh",
        "niên", "tình", "nguyện", "vệ", "sinh", "môi", "trường", "an", "ninh", "trật", "tự", "đô", "thị", "kinh",
        "tế", "hợp", "tác", "xã", "hội", "y", "tế", "giáo", "dục", "bà", "cụ", "ông", "anh", "chị", "tấm", "lòng",
        "nhân", "ái", "sẻ", "chia", "khó", "khăn", "quyên", "góp", "xây", "dựng", "nhà", "tình", "nghĩa", "đường",
        "ngõ", "sạch", "đẹp", "sáng", "kiến", "cải", "cách", "hành", "chính", "lao", "động", "sản", "xuất"
    ];

    /// <summary>Exactly <paramref name="words"/> words; two seeds give articles with little in common.</summary>
    public static string Article(int seed, int words = 1400)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = Syllables[random.Next(Syllables.Length)];
            var startsSentence = i % 17 == 0;
            if (i > 0)
            {
                text.Append(startsSentence ? ". " : " ");
            }
            text.Append(startsSentence ? char.ToUpperInvariant(word[0]) + word[1..] : word);
        }
        return text.Append('.').ToString();
    }

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
