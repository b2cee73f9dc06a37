using System.Globalization;
using System.Text;
using HoanKiem.Contracts;

namespace HoanKiem.Submission.Corpus;

/// <summary>
/// Generates distinct Vietnamese contest articles about good people and good deeds in Hoàn Kiếm, and the light edits
/// units make when they send one again. Every article repeats the movement's slogans, as real entries do, so a
/// duplicate detector that matched on shared stock phrases would flag different articles. Deterministic per seed.
/// </summary>
public static class ArticleCorpus
{
    public const int MinWords = 1300;
    public const int MaxWords = 1500;

    public static readonly string[] Fields = ["economy", "urban", "culture-society", "defense-security", "governance", "front-unions"];

    /// <summary>The movement's slogans and stock sentences: every article carries several of them word for word.</summary>
    public static readonly string[] Slogans =
    [
        "Phong trào thi đua yêu nước và cuộc vận động “Người tốt, việc tốt” đã lan tỏa sâu rộng trong toàn quận Hoàn Kiếm.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh là việc làm thường xuyên của mỗi cán bộ, đảng viên và nhân dân.",
        "Thi đua là yêu nước, yêu nước thì phải thi đua, và những người thi đua là những người yêu nước nhất.",
        "Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư, xây dựng người Hà Nội thanh lịch, văn minh.",
        "Mỗi người dân là một chiến sĩ thi đua, mỗi gia đình là một tổ ấm văn hóa, mỗi tổ dân phố là một pháo đài bình yên.",
        "Chung tay xây dựng quận Hoàn Kiếm xanh, sạch, đẹp, văn minh, hiện đại, xứng đáng là trung tâm của Thủ đô ngàn năm văn hiến.",
        "Những tấm gương người tốt, việc tốt là những bông hoa đẹp trong vườn hoa thi đua yêu nước của quận.",
        "Giữ gìn và phát huy giá trị văn hóa nghìn năm Thăng Long – Hà Nội là trách nhiệm của mỗi người dân phố cổ."
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Phan", "Đinh", "Trịnh", "Lương", "Tạ", "Hà", "Đào", "Cao"];
    private static readonly string[] MaleMiddle = ["Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Công", "Thành", "Mạnh", "Ngọc"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thu", "Hồng", "Ngọc", "Thanh", "Minh", "Kim", "Bích", "Phương", "Mai"];
    private static readonly string[] MaleGiven = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Minh", "Nam", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Khánh", "Phúc", "Toàn", "Trung", "Hiếu", "Đạt"];
    private static readonly string[] FemaleGiven = ["Hà", "Hạnh", "Hoa", "Lan", "Mai", "Nga", "Phương", "Tâm", "Thảo", "Trang", "Vân", "Yến", "Hương", "Liên", "Loan", "Nhung", "Oanh", "Quyên", "Thủy", "Xuân"];
    private static readonly string[] Streets =
    [
        "Hàng Gai", "Hàng Bạc", "Lương Văn Can", "Hàng Bông", "Đinh Tiên Hoàng", "Tràng Tiền", "Lý Thái Tổ", "Phan Chu Trinh",
        "Hai Bà Trưng", "Lò Sũ", "Hàng Buồm", "Mã Mây", "Hàng Mành", "Cầu Gỗ", "Tạ Hiện", "Phùng Hưng", "Trần Hưng Đạo", "Bà Triệu",
        "Hàng Chiếu", "Ngõ Gạch", "Hàng Đào", "Hàng Ngang", "Hàng Thiếc", "Hàng Vải", "Lãn Ông", "Chả Cá", "Nguyễn Hữu Huân", "Hàng Chuối"
    ];
    private static readonly string[] Roles =
    [
        "tổ trưởng tổ dân phố", "bí thư chi bộ", "cựu chiến binh", "giáo viên về hưu", "bác sĩ", "tiểu thương chợ Đồng Xuân",
        "công an khu vực", "đoàn viên thanh niên", "hội viên phụ nữ", "chủ một cửa hàng nhỏ", "nhân viên môi trường", "thợ sửa xe",
        "cán bộ phường", "trưởng ban công tác mặt trận", "y tá", "kỹ sư xây dựng", "người bán hàng rong", "bảo vệ dân phố"
    ];
    private static readonly string[] Openers =
    [
        "Từ năm {year},", "Trong suốt {n} năm qua,", "Những ngày đầu mới về phố,", "Mùa mưa năm {year},", "Dịp Tết Nguyên đán năm ấy,",
        "Sáng sớm mỗi ngày,", "Vào mỗi dịp cuối tuần,", "Khi dịch bệnh bùng phát,", "Ngay sau khi nghỉ hưu,", "Tháng {month} năm {year},",
        "Đầu năm học mới,", "Những đêm mùa đông giá rét,", "Sau giờ làm việc,", "Suốt mấy chục năm gắn bó với khu phố,", "Có những hôm mưa gió,",
        "Những năm khó khăn ấy,", "Mỗi độ hè về,", "Từ khi được bà con tín nhiệm,", "Không quản ngày đêm,", "Dù tuổi đã cao,"
    ];
    private static readonly string[] Actions =
    [
        "vận động", "quyên góp", "tổ chức", "hướng dẫn", "giúp đỡ", "chăm lo", "thu gom", "sửa chữa", "dọn dẹp", "kèm cặp",
        "xây dựng", "gây dựng", "duy trì", "phối hợp", "hỗ trợ", "tuyên truyền", "dạy dỗ", "đóng góp", "thăm hỏi", "kết nối",
        "vận hành", "trông nom", "chăm sóc", "gìn giữ", "lắp đặt", "mở rộng", "ủng hộ", "nhắc nhở", "hòa giải", "đỡ đần"
    ];
    private static readonly string[] Objects =
    [
        "{n} suất quà", "lớp học tình thương", "quỹ khuyến học", "những hộ nghèo", "con ngõ nhỏ", "bồn hoa trước cửa", "tủ sách cộng đồng",
        "các cháu thiếu nhi", "người cao tuổi neo đơn", "các em học sinh", "bà con tiểu thương", "hệ thống camera an ninh",
        "điểm sinh hoạt cộng đồng", "đội xung kích", "câu lạc bộ dưỡng sinh", "mô hình tuyến phố văn minh", "thùng rác phân loại",
        "bếp ăn từ thiện", "những mâu thuẫn trong xóm", "hồ sơ thủ tục hành chính", "{n} triệu đồng", "lớp võ cho thiếu niên",
        "những gia đình chính sách", "mái nhà dột nát", "đường dây điện cũ", "chiếc tủ thuốc chung", "đội bóng của khu phố",
        "nhóm thiện nguyện trẻ", "những bữa cơm nghĩa tình", "hàng cây xanh", "bãi trông xe", "phòng đọc sách", "các buổi chiếu phim"
    ];
    private static readonly string[] Places =
    [
        "tại phố {street}", "trên địa bàn phường {ward}", "ở tổ dân phố số {n}", "quanh khu vực chợ", "ven hồ Hoàn Kiếm",
        "tại nhà văn hóa khu dân cư", "ngay trong ngõ nhỏ", "ở đầu phố {street}", "tại trụ sở phường", "quanh khu tập thể cũ",
        "dọc bờ sông Hồng", "trong khu phố cổ", "tại sân đình", "ở góc phố {street}", ""
    ];
    private static readonly string[] Goals =
    [
        "giữ gìn vệ sinh môi trường", "đảm bảo an ninh trật tự", "nâng cao ý thức cộng đồng", "giúp bà con vơi bớt khó khăn",
        "cho các cháu có chỗ vui chơi", "để không ai bị bỏ lại phía sau", "góp phần làm đẹp phố phường", "phòng chống cháy nổ",
        "giữ nếp sống thanh lịch", "giúp người nghèo có Tết ấm", "cho người già bớt cô đơn", "tiết kiệm chi phí cho dân",
        "rút ngắn thời gian chờ đợi", "giảm rác thải nhựa", "khuyến khích con trẻ đọc sách", "gắn kết tình làng nghĩa xóm"
    ];
    private static readonly string[] Qualities =
    [
        "tận tụy", "gương mẫu", "nhiệt tình", "trách nhiệm", "giản dị", "chân thành", "sáng tạo", "kiên trì", "khiêm tốn", "gần gũi",
        "mẫu mực", "chu đáo", "thẳng thắn", "cần mẫn", "bao dung", "điềm đạm", "tháo vát", "hiền hậu", "nghiêm khắc", "vui tính"
    ];
    private static readonly string[] Witnesses =
    [
        "Bà {given}, hàng xóm lâu năm,", "Chủ tịch UBND phường", "Bí thư chi bộ", "Một người dân trong ngõ", "Các thành viên tổ dân phố",
        "Cô giáo chủ nhiệm của các cháu", "Anh {given}, công an khu vực,", "Ông {given}, một cựu chiến binh,", "Chị {given}, chủ quán nước đầu ngõ,",
        "Trưởng ban công tác mặt trận", "Nhiều hộ gia đình", "Một tiểu thương ở chợ"
    ];
    private static readonly string[] Sayings = ["kể", "chia sẻ", "cho biết", "nhận xét", "bồi hồi nhớ lại", "xúc động nói", "khẳng định", "tâm sự"];
    private static readonly string[] Results =
    [
        "được bà con tin yêu", "nhận nhiều giấy khen của quận", "góp phần giảm {n} vụ vi phạm", "trở thành điểm sáng của phường",
        "được nhân rộng ra các tổ khác", "giúp {n} hộ thoát nghèo", "thu hút hàng trăm lượt người tham gia", "được báo chí nhắc đến",
        "khiến khu phố đổi thay từng ngày", "để lại nhiều tình cảm tốt đẹp", "được Thành phố ghi nhận", "mang lại niềm vui cho nhiều người"
    ];
    private static readonly string[] Feelings =
    [
        "niềm vui giản dị", "sự thanh thản", "lòng biết ơn", "niềm tự hào", "sự ấm áp", "niềm tin", "động lực mới", "sự bình yên"
    ];

    /// <summary>
    /// The distinct article number <paramref name="seed"/>, about a nominee of <paramref name="ward"/> (one of the
    /// district's when null), of <paramref name="minWords"/> to <paramref name="maxWords"/> words.
    /// </summary>
    public static Article Generate(int seed, string? ward = null, int minWords = MinWords, int maxWords = MaxWords)
    {
        var random = new Random(seed);
        var male = random.Next(2) == 0;
        var family = Pick(random, FamilyNames);
        var given = Pick(random, male ? MaleGiven : FemaleGiven);
        var fullName = $"{family} {Pick(random, male ? MaleMiddle : FemaleMiddle)} {given}";
        var honorific = male ? Pick(random, ["ông", "anh", "bác"]) : Pick(random, ["bà", "chị", "cô"]);
        var person = new Person(fullName, $"{honorific} {given}", honorific, Pick(random, Roles), Pick(random, Streets), ward ?? Pick(random, District.Wards));
        // Sentences have at most about 45 words, so stopping at the first count past the target stays inside the range.
        var target = random.Next(minWords + 10, maxWords - 60);

        var opening = Slogans[seed % Slogans.Length] + " " + Slogans[(seed / Slogans.Length + 1) % Slogans.Length];
        var paragraphs = new List<string> { opening };
        var words = CountWords(opening);
        while (words < target)
        {
            var sentences = new List<string>();
            var size = random.Next(4, 8);
            for (var i = 0; i < size && words < target; i++)
            {
                var sentence = random.Next(9) == 0 ? Pick(random, Slogans) : Sentence(random, person);
                sentences.Add(sentence);
                words += CountWords(sentence);
            }
            paragraphs.Add(string.Join(' ', sentences));
        }
        var title = $"{char.ToUpperInvariant(person.Honorific[0])}{person.Honorific[1..]} {given} – {Pick(random, ["người", "tấm gương", "bông hoa"])} {Pick(random, Qualities)} {person.Place(random)}".Trim();
        var field = Pick(random, Fields);
        return new Article(title, string.Join("\n\n", paragraphs), fullName, person.Ward, person.Street, field, person.Role, random.Next(1938, 2004));
    }

    /// <summary>The article as a unit might send it again, edited in the way <paramref name="kind"/> names.</summary>
    public static Article Edit(Article article, EditKind kind, int seed)
    {
        var random = new Random(seed);
        return kind switch
        {
            EditKind.NewTitle => article with { Title = $"Câu chuyện về {article.NomineeFullName} ở phố {article.Street}" },
            EditKind.SentencesReordered => article with { Body = Reorder(article.Body, random) },
            EditKind.WordsAndCommasChanged => article with { Body = ChangeWordsAndCommas(article.Body, random) },
            EditKind.WhitespaceChanged => article with { Body = ChangeWhitespace(article.Body, random) },
            EditKind.Decomposed => article with { Title = article.Title.Normalize(NormalizationForm.FormD), Body = article.Body.Normalize(NormalizationForm.FormD) },
            EditKind.WithoutDiacritics => article with { Title = StripDiacritics(article.Title), Body = StripDiacritics(article.Body) },
            EditKind.AllAtOnce => Edit(Edit(Edit(Edit(Edit(article, EditKind.NewTitle, seed), EditKind.SentencesReordered, seed + 1),
                EditKind.WordsAndCommasChanged, seed + 2), EditKind.WhitespaceChanged, seed + 3), EditKind.WithoutDiacritics, seed + 4),
            EditKind.ZeroWidthInWords => article with { Body = InsertInWords(article.Body, random, minLength: 2, "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF") },
            EditKind.SoftHyphens => article with { Body = InsertInWords(article.Body, random, minLength: 4, "\u00AD") },
            EditKind.LookAlikeLetters => article with { Title = LookAlikes(article.Title, random), Body = LookAlikes(article.Body, random) },
            _ => throw new ArgumentOutOfRangeException(nameof(kind))
        };
    }

    public static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private sealed record Person(string FullName, string Short, string Honorific, string Role, string Street, string Ward)
    {
        public string Place(Random random) => Pick(random, Places).Replace("{street}", Street).Replace("{ward}", Ward).Replace("{n}", random.Next(1, 40).ToString(CultureInfo.InvariantCulture));
    }

    private static string Sentence(Random random, Person person)
    {
        var subject = random.Next(4) switch
        {
            0 => person.Short,
            1 => $"{person.Honorific} {person.FullName.Split(' ')[^1]}",
            2 => $"người {person.Role} ấy",
            _ => person.FullName
        };
        var text = random.Next(7) switch
        {
            0 => $"{Pick(random, Openers)} {subject} {Pick(random, Actions)} {Pick(random, Objects)} {person.Place(random)} để {Pick(random, Goals)}.",
            1 => $"{Capital(subject)} luôn {Pick(random, Qualities)}, {Pick(random, Qualities)} và {Pick(random, Qualities)} trong mọi việc, từ việc {Pick(random, Actions)} {Pick(random, Objects)} đến việc {Pick(random, Actions)} {Pick(random, Objects)}.",
            2 => $"Nhờ {subject} {Pick(random, Actions)} {Pick(random, Objects)}, khu phố {Pick(random, Results)} và {Pick(random, Results)}.",
            3 => $"{Pick(random, Witnesses)} {Pick(random, Sayings)} rằng {subject} là người {Pick(random, Qualities)}, ngày nào cũng {Pick(random, Actions)} {Pick(random, Objects)} {person.Place(random)}.",
            4 => $"Riêng năm {random.Next(2005, 2020)}, {subject} đã {Pick(random, Actions)} {Pick(random, Objects)} và {Pick(random, Actions)} {Pick(random, Objects)}, {Pick(random, Results)}.",
            5 => $"Với {subject}, việc {Pick(random, Actions)} {Pick(random, Objects)} {Pick(random, Goals)} mang lại {Pick(random, Feelings)} và {Pick(random, Feelings)} mỗi ngày.",
            _ => $"{Pick(random, Openers)} dù bận rộn với công việc {person.Role}, {subject} vẫn {Pick(random, Actions)} {Pick(random, Objects)} {person.Place(random)}, {Pick(random, Results)}."
        };
        text = text.Replace("{year}", random.Next(1985, 2019).ToString(CultureInfo.InvariantCulture))
            .Replace("{month}", random.Next(1, 13).ToString(CultureInfo.InvariantCulture))
            .Replace("{n}", random.Next(2, 120).ToString(CultureInfo.InvariantCulture))
            .Replace("{given}", Pick(random, random.Next(2) == 0 ? MaleGiven : FemaleGiven))
            .Replace("  ", " ")
            .Replace(" .", ".")
            .Replace(" ,", ",");
        return Capital(text);
    }

    private static string Reorder(string body, Random random)
    {
        var paragraphs = body.Split("\n\n").Select(p => SplitSentences(p)).ToList();
        var moves = Math.Max(3, paragraphs.Sum(p => p.Count) / 8);
        for (var m = 0; m < moves; m++)
        {
            var from = paragraphs[random.Next(paragraphs.Count)];
            if (from.Count < 2)
            {
                continue;
            }
            var sentence = from[random.Next(from.Count)];
            from.Remove(sentence);
            var to = paragraphs[random.Next(paragraphs.Count)];
            to.Insert(random.Next(to.Count + 1), sentence);
        }
        (paragraphs[0], paragraphs[^1]) = (paragraphs[^1], paragraphs[0]);
        return string.Join("\n\n", paragraphs.Where(p => p.Count > 0).Select(p => string.Join(' ', p)));
    }

    private static List<string> SplitSentences(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] == '.' && (i + 1 == paragraph.Length || paragraph[i + 1] == ' '))
            {
                sentences.Add(paragraph[start..(i + 1)].Trim());
                start = i + 1;
            }
        }
        if (start < paragraph.Length && paragraph[start..].Trim() is { Length: > 0 } rest)
        {
            sentences.Add(rest);
        }
        return sentences;
    }

    /// <summary>The article with about <paramref name="share"/> of its words replaced by other common words; the word count is unchanged.</summary>
    public static Article ReplaceWords(Article article, double share, int seed) =>
        article with { Body = ReplaceWords(article.Body, share, new Random(seed)) };

    /// <summary>About one word in 150 replaced by another common word, and a few commas added or removed; the word count is unchanged.</summary>
    private static string ChangeWordsAndCommas(string body, Random random)
    {
        var tokens = ReplaceWords(body, 1.0 / 150, random).Split(' ');
        for (var c = 0; c < 6; c++)
        {
            var i = random.Next(tokens.Length);
            tokens[i] = tokens[i].EndsWith(',') ? tokens[i][..^1] : tokens[i].Contains('\n') || tokens[i].EndsWith('.') ? tokens[i] : tokens[i] + ",";
        }
        return string.Join(' ', tokens);
    }

    private static string ReplaceWords(string body, double share, Random random)
    {
        var replacements = new[] { "luôn", "rất", "thường", "vẫn", "cũng", "đã", "nhiều", "mọi", "những", "các" };
        var tokens = body.Split(' ');
        var changes = Math.Max(5, (int)(tokens.Length * share));
        for (var c = 0; c < changes; c++)
        {
            var i = random.Next(tokens.Length);
            if (!tokens[i].Contains('\n') && tokens[i].All(char.IsLetter))
            {
                tokens[i] = Pick(random, replacements);
            }
        }
        return string.Join(' ', tokens);
    }

    private static string ChangeWhitespace(string body, Random random)
    {
        var text = new StringBuilder(body.Length + 200);
        foreach (var c in body)
        {
            text.Append(c switch
            {
                ' ' when random.Next(12) == 0 => "  ",
                ' ' when random.Next(40) == 0 => "\n",
                ' ' when random.Next(60) == 0 => "\t",
                '\n' => "\r\n",
                _ => c.ToString()
            });
        }
        return "  " + text + "\n";
    }

    /// <summary>One of <paramref name="invisible"/> after the first letter of every word of at least <paramref name="minLength"/> characters.</summary>
    private static string InsertInWords(string body, Random random, int minLength, params string[] invisible)
    {
        var text = new StringBuilder(body.Length * 5 / 4);
        var wordStart = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && !char.IsWhiteSpace(body[i]))
            {
                continue;
            }
            var word = body[wordStart..i];
            text.Append(word.Length >= minLength ? word[..1] + Pick(random, invisible) + word[1..] : word);
            if (i < body.Length)
            {
                text.Append(body[i]);
            }
            wordStart = i + 1;
        }
        return text.ToString();
    }

    /// <summary>
    /// Latin letters swapped for the Cyrillic or Greek letters drawn like them, two in three of them: on the decomposed
    /// text, so "ố" becomes a Cyrillic о carrying the same marks and looks unchanged.
    /// </summary>
    private static string LookAlikes(string text, Random random)
    {
        var swapped = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var lookAlikes = c switch
            {
                'a' => "\u0430\u03B1", 'c' => "\u0441\u03F2", 'e' => "\u0435", 'o' => "\u043E\u03BF", 'p' => "\u0440\u03C1",
                'x' => "\u0445", 'y' => "\u0443", 'i' => "\u0456\u03B9",
                'A' => "\u0410\u0391", 'B' => "\u0412\u0392", 'C' => "\u0421", 'E' => "\u0415\u0395", 'H' => "\u041D\u0397",
                'K' => "\u041A\u039A", 'M' => "\u041C\u039C", 'O' => "\u041E\u039F", 'P' => "\u0420\u03A1", 'T' => "\u0422\u03A4",
                _ => null
            };
            swapped.Append(lookAlikes is not null && random.Next(3) > 0 ? lookAlikes[random.Next(lookAlikes.Length)] : c);
        }
        return swapped.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Text as typed on a keyboard without a Vietnamese input method: no tone or vowel marks, đ as d.</summary>
    public static string StripDiacritics(string text)
    {
        var stripped = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                stripped.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }
        return stripped.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];
}
