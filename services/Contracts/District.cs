namespace HoanKiem.Contracts;

/// <summary>The 18 wards of Hoàn Kiếm in 2019: a contest's wards when it names none, and those the demo and the corpus write about.</summary>
public static class District
{
    public static readonly IReadOnlyList<string> Wards =
    [
        "Chương Dương", "Cửa Đông", "Cửa Nam", "Đồng Xuân", "Hàng Bạc", "Hàng Bài", "Hàng Bồ", "Hàng Bông", "Hàng Buồm",
        "Hàng Đào", "Hàng Gai", "Hàng Mã", "Hàng Trống", "Lý Thái Tổ", "Phan Chu Trinh", "Phúc Tân", "Trần Hưng Đạo", "Tràng Tiền"
    ];
}
