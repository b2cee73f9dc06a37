using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HoanKiem.Load.Bench;

/// <summary>Vietnamese-looking articles of an exact word count; two seeds share too little to count as duplicates.</summary>
public static class Articles
{
    /// <summary>
    /// Request bodies as a browser portal writes them (<c>JSON.stringify</c>): Vietnamese letters as UTF-8. .NET's default
    /// escapes each as <c>\uXXXX</c>, six bytes where UTF-8 takes two or three, for the gateway to carry and the service
    /// to unescape.
    /// </summary>
    public static readonly JsonSerializerOptions PortalJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
