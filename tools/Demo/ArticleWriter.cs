using System.Globalization;

namespace HoanKiem.Demo;

public sealed record Nominee(string FullName, bool Man, int BirthYear, string Role, string Street, string Ward);

public sealed record Article(string Title, string Body, string Field, Nominee Nominee);

/// <summary>
/// Writes contest articles about a good person of the district: sentences from many short templates whose slots are
/// drawn from long lists, so that two articles share little more than a few stock phrases and the movement's slogans
/// (which every real entry quotes), while a re-sent copy with a few words changed still matches its original.
/// </summary>
public sealed class ArticleWriter(Random random)
{
    public static readonly string[] Fields = ["economy", "urban", "culture-society", "defense-security", "governance", "front-unions"];

    private static readonly string[] Slogans =
    [
        "Mỗi người dân Hoàn Kiếm là một đại sứ của nét thanh lịch Hà Nội.",
        "Thi đua là yêu nước, yêu nước thì phải thi đua.",
        "Người tốt, việc tốt có ở quanh ta, chỉ cần ta biết nhìn và biết trân trọng.",
        "Phố cổ giữ được nếp xưa là nhờ những con người lặng lẽ vun đắp từng ngày.",
        "Việc nhỏ mà làm bền bỉ thì thành việc lớn cho cả cộng đồng.",
        "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh bắt đầu từ những việc làm cụ thể."
    ];
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Đinh", "Trịnh", "Lương", "Tạ", "Hà", "Đào", "Cao", "Mai", "Kiều", "Chu", "Lưu", "Tô", "Quách", "Nghiêm"];
    private static readonly string[] MenMiddle = ["Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Công", "Thành", "Mạnh", "Ngọc", "Tiến", "Trọng", "Đình", "Bá"];
    private static readonly string[] WomenMiddle = ["Thị", "Thu", "Hồng", "Ngọc", "Thanh", "Minh", "Kim", "Bích", "Phương", "Mai", "Diệu", "Khánh", "Tuyết", "Hải"];
    private static readonly string[] MenGiven = ["An", "Bảo", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiển", "Hòa", "Hưng", "Khải", "Khoa", "Lâm", "Lộc", "Nghĩa", "Nhân", "Phong", "Quý", "Sang", "Tài", "Thái", "Thịnh", "Tú", "Tùng", "Vinh", "Vượng"];
    private static readonly string[] WomenGiven = ["Ánh", "Chi", "Dung", "Duyên", "Giang", "Hằng", "Hiền", "Huệ", "Lệ", "Linh", "Ly", "Minh", "My", "Ngân", "Nhàn", "Nhi", "Quế", "Sen", "Tâm", "Thơ", "Thúy", "Trâm", "Uyên", "Vy", "Xuyến", "Yên"];
    private static readonly string[] Roles =
    [
        "tổ trưởng tổ dân phố", "trưởng chi hội phụ nữ", "hội viên cựu chiến binh", "nhà giáo nghỉ hưu", "dược sĩ", "tiểu thương",
        "cảnh sát khu vực", "bí thư chi đoàn", "thợ may", "nhân viên vệ sinh môi trường", "chủ hiệu sách cũ", "thợ sửa đồng hồ",
        "cán bộ một cửa", "nghệ nhân làm đồ chơi Trung thu", "lái xe buýt", "đầu bếp", "kiến trúc sư", "y sĩ trạm y tế", "bảo vệ dân phố"
    ];
    private static readonly string[] Streets =
    [
        "Hàng Gai", "Hàng Bạc", "Hàng Bè", "Hàng Bông", "Hàng Buồm", "Hàng Đào", "Hàng Mã", "Hàng Trống", "Hàng Chiếu", "Hàng Thùng",
        "Hàng Vôi", "Hàng Hành", "Hàng Khay", "Tràng Thi", "Tràng Tiền", "Lò Rèn", "Lò Sũ", "Đào Duy Từ", "Nguyễn Siêu", "Ô Quan Chưởng",
        "Phùng Hưng", "Đường Thành", "Cầu Gỗ", "Tô Tịch", "Nhà Chung", "Nhà Thờ", "Ấu Triệu", "Lê Thái Tổ", "Hàng Cót", "Gầm Cầu"
    ];
    private static readonly string[] Times =
    [
        "Mỗi sáng tinh mơ", "Từ hơn chục năm nay", "Khi con ngõ còn ngập nước mỗi mùa mưa", "Những ngày giáp Tết", "Vào các chiều thứ Bảy",
        "Sau khi rời quân ngũ", "Trong đợt rét đậm năm ngoái", "Suốt những tháng giãn cách", "Lúc phố đã lên đèn", "Đầu mỗi năm học",
        "Ngay từ ngày chuyển về phố", "Có năm lũ lớn ở miền Trung", "Mỗi rằm tháng Bảy", "Những trưa hè oi ả", "Từ khi về hưu",
        "Trong những lần tổ dân phố họp", "Mỗi khi có người ốm", "Hằng tuần", "Cứ cuối tháng", "Từ độ còn là cô giáo trẻ"
    ];
    private static readonly string[] Deeds =
    [
        "lặng lẽ quét dọn lối đi chung", "nấu cháo mang vào bệnh viện", "dạy chữ miễn phí cho con em người lao động tự do",
        "mở tủ bánh mì không đồng trước cửa nhà", "vá lại mặt ngõ bằng tiền túi", "gom sách cũ lập góc đọc cho thiếu nhi",
        "đứng ra hòa giải chuyện tranh chấp lối đi", "kêu gọi bà con góp tiền lắp đèn chiếu sáng", "chở người già đi khám bệnh",
        "giúp du khách lạc đường tìm lại khách sạn", "trả lại chiếc ví nhặt được cho người đánh rơi", "tập dưỡng sinh cho các cụ",
        "hướng dẫn người dân làm thủ tục trên mạng", "vận động các hộ kinh doanh dọn hàng lấn chiếm vỉa hè",
        "cứu một cháu bé khỏi đám cháy", "tổ chức lớp bơi miễn phí mùa hè", "quyên góp áo ấm gửi lên vùng cao",
        "sửa miễn phí xe đạp cho học sinh nghèo", "phát hiện và báo công an một vụ trộm", "chăm sóc vườn hoa đầu phố",
        "lập nhóm nhắn tin để hàng xóm báo tin khi có việc gấp", "hiến máu tình nguyện nhiều lần", "kèm cặp học sinh cá biệt",
        "ghi chép lại chuyện cũ của phố nghề", "nhận nuôi một cháu mồ côi", "phân loại rác ngay tại nhà và hướng dẫn hàng xóm làm theo"
    ];
    private static readonly string[] Witnesses =
    [
        "bà cụ bán nước chè đầu ngõ", "ông tổ phó dân phố", "một cháu sinh viên ở trọ", "chị chủ hàng phở", "anh cảnh sát khu vực",
        "cô hiệu trưởng trường bên cạnh", "bác xe ôm đầu phố", "người hàng xóm sát vách", "một vị khách nước ngoài", "chú bảo vệ nhà văn hóa",
        "bà trưởng chi hội người cao tuổi", "cậu con trai nhà đối diện"
    ];
    private static readonly string[] Sayings = ["kể lại", "thủ thỉ", "nói chắc nịch", "rưng rưng nhớ lại", "cười hiền nói", "vẫn nhắc mãi", "xác nhận"];
    private static readonly string[] Virtues =
    [
        "chịu thương chịu khó", "hiền lành", "xởi lởi", "cẩn thận đến từng chi tiết", "không bao giờ kể công", "thẳng tính",
        "ít nói mà làm nhiều", "tốt bụng", "nói được làm được", "có tiếng nói trong khu phố", "sống có trước có sau", "chăm chỉ"
    ];
    private static readonly string[] Outcomes =
    [
        "con ngõ sạch hẳn", "không còn ai phải nhịn đói", "tỷ lệ trẻ bỏ học giảm rõ", "bà con tin tưởng chính quyền hơn",
        "hàng chục gia đình có Tết đủ đầy", "phố xá bớt cảnh ùn tắc", "mâu thuẫn được gỡ trước khi thành chuyện lớn",
        "các cụ già bớt cô quạnh", "thêm nhiều bạn trẻ tham gia việc thiện", "khu dân cư đạt danh hiệu văn hóa nhiều năm liền"
    ];
    private static readonly string[] Numbers = ["hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười hai", "mười lăm", "hai mươi", "ba mươi", "năm mươi"];
    private static readonly string[] Things = ["suất cơm", "cuốn sách", "chiếc chăn", "bao gạo", "lượt người", "buổi học", "gia đình", "cháu nhỏ", "thùng sữa", "chiếc xe đạp"];

    public Nominee NewNominee(string ward)
    {
        var man = random.Next(2) == 0;
        var name = $"{Pick(Families)} {Pick(man ? MenMiddle : WomenMiddle)} {Pick(man ? MenGiven : WomenGiven)}";
        return new Nominee(name, man, random.Next(1938, 2004), Pick(Roles), Pick(Streets), ward);
    }

    /// <summary>An article of <paramref name="minWords"/> to <paramref name="maxWords"/> words about <paramref name="nominee"/>.</summary>
    public Article Write(Nominee nominee, int minWords = 1320, int maxWords = 1480)
    {
        var target = random.Next(minWords, maxWords + 1);
        var given = nominee.FullName.Split(' ')[^1];
        var paragraphs = new List<string>();
        var words = 0;
        var sentences = new List<string> { Pick(Slogans) };
        words += Words.Count(sentences[0]);
        while (true)
        {
            var sentence = random.Next(12) == 0 ? Pick(Slogans) : Sentence(nominee, given);
            var size = Words.Count(sentence);
            if (words + size > maxWords)
            {
                break;
            }
            sentences.Add(sentence);
            words += size;
            if (sentences.Count >= random.Next(4, 9))
            {
                paragraphs.Add(string.Join(' ', sentences));
                sentences.Clear();
            }
            if (words >= target)
            {
                break;
            }
        }
        if (sentences.Count > 0)
        {
            paragraphs.Add(string.Join(' ', sentences));
        }
        var title = $"{Pick(["Người", "Tấm gương", "Câu chuyện về người"])} {Pick(Virtues)} ở phố {nominee.Street}: {nominee.FullName}";
        return new Article(title, string.Join("\n\n", paragraphs), Pick(Fields), nominee);
    }

    /// <summary>The same article as another channel forwards it: a new title, two paragraphs swapped, a few words changed.</summary>
    public Article Retouch(Article article)
    {
        var paragraphs = article.Body.Split("\n\n").ToList();
        if (paragraphs.Count > 3)
        {
            var i = random.Next(1, paragraphs.Count - 1);
            (paragraphs[i], paragraphs[i + 1]) = (paragraphs[i + 1], paragraphs[i]);
        }
        var body = string.Join("\n\n", paragraphs);
        foreach (var (from, to) in new[] { ("bà con", "người dân"), ("khu phố", "tổ dân phố"), ("lặng lẽ", "âm thầm") })
        {
            var at = body.IndexOf(from, StringComparison.Ordinal);
            if (at >= 0)
            {
                body = string.Concat(body.AsSpan(0, at), to, body.AsSpan(at + from.Length));
            }
        }
        return article with { Title = $"Gương sáng {article.Nominee.FullName} – {article.Nominee.Role} phố {article.Nominee.Street}", Body = body };
    }

    private string Sentence(Nominee n, string given)
    {
        var who = random.Next(4) switch
        {
            0 => n.FullName,
            1 => $"{Pick<string>(n.Man ? ["bác", "anh", "ông"] : ["cô", "chị", "bà"])} {given}",
            2 => $"người {n.Role} ấy",
            _ => given
        };
        var count = $"{Pick(Numbers)} {Pick(Things)}";
        return random.Next(8) switch
        {
            0 => $"{Pick(Times)}, {who} lại {Pick(Deeds)}.",
            1 => $"Theo lời {Pick(Witnesses)}, {who} là người {Pick(Virtues)} và {Pick(Virtues)}.",
            2 => $"Chỉ tính riêng năm {random.Next(2008, 2020).ToString(CultureInfo.InvariantCulture)}, {who} đã lo được {count} cho bà con, lại còn {Pick(Deeds)}.",
            3 => $"Nhờ {who} {Pick(Deeds)}, {Pick(Outcomes)}.",
            4 => $"“{Capital(Pick(Deeds))} thì có gì mà kể”, {who} {Pick(Sayings)} khi chúng tôi hỏi chuyện ở phố {Pick(Streets)}.",
            5 => $"{Capital(Pick(Witnesses))} {Pick(Sayings)}: {Pick(Times).ToLowerInvariant()}, {who} {Pick(Deeds)}, rồi {Pick(Deeds)}.",
            6 => $"Không ai giao việc, vậy mà {who} vẫn {Pick(Deeds)} và {Pick(Deeds)}, để rồi {Pick(Outcomes)}.",
            _ => $"{Pick(Times)}, người ta lại thấy {who} {Pick(Deeds)} ở phố {Pick(Streets)}, {Pick(Virtues)} như thuở nào."
        };
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
