using System.Text;

namespace HoanKiem.Submission.Corpus;

/// <summary>
/// Vietnamese-looking text of an exact word count, drawn from the movement's vocabulary without slogans or sentence
/// templates: two seeds share too little to count as duplicates. For load and for tests that need a body, not a story.
/// </summary>
public static class SyllableText
{
    private static readonly string[] Syllables =
    [
        "người", "tốt", "việc", "phong", "trào", "thi", "đua", "yêu", "nước", "phường", "quận", "Hoàn", "Kiếm",
        "gương", "điển", "hình", "tiên", "tiến", "cộng", "đồng", "giúp", "đỡ", "hộ", "nghèo", "tổ", "dân", "phố",
        "văn", "hóa", "gia", "đình", "trẻ", "em", "học", "sinh", "cựu", "chiến", "binh", "phụ", "nữ", "thanh",
        "niên", "tình", "nguyện", "vệ", "môi", "trường", "an", "ninh", "trật", "tự", "đô", "thị", "kinh",
        "tế", "hợp", "tác", "xã", "hội", "y", "giáo", "dục", "bà", "cụ", "ông", "anh", "chị", "tấm", "lòng",
        "nhân", "ái", "sẻ", "chia", "khó", "khăn", "quyên", "góp", "xây", "dựng", "nhà", "nghĩa", "đường",
        "ngõ", "sạch", "đẹp", "sáng", "kiến", "cải", "cách", "hành", "chính", "lao", "động", "sản", "xuất"
    ];

    public static string Generate(int seed, int words)
    {
        var random = new Random(seed);
        var text = new StringBuilder(words * 6);
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
}
