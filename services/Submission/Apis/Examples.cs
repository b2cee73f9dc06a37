using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace HoanKiem.Submission.Apis;

/// <summary>Request bodies as a ward's portal would send them, shown in the API reference and sent by its "try it".</summary>
public static class Examples
{
    public static JsonNode Entry => new JsonObject
    {
        ["title"] = "Bà Tư và tủ sách miễn phí ở phố Hàng Gai",
        ["body"] = "Sáng nào cũng vậy, khi phố Hàng Gai còn chưa đông người, bà Trần Thị Tư đã mở cánh cửa gỗ và kê chiếc tủ sách "
            + "nhỏ ra vỉa hè. Hơn mười năm nay, tủ sách ấy cho các cháu học sinh trong tổ dân phố mượn đọc không mất tiền… "
            + "(một bài dự thi có từ 1.300 đến 1.500 từ)",
        ["field"] = "culture-society",
        ["author"] = new JsonObject
        {
            ["fullName"] = "Nguyễn Thị Hồng",
            ["position"] = "Cán bộ văn hóa phường Hàng Gai",
            ["phone"] = "0912345678",
            ["email"] = "hongnt.hanggai@hoankiem.example.vn"
        },
        ["nominee"] = new JsonObject
        {
            ["fullName"] = "Trần Thị Tư",
            ["birthYear"] = 1956,
            ["position"] = "Hội viên Hội Liên hiệp Phụ nữ phường",
            ["workplace"] = "Tổ dân phố số 5",
            ["address"] = new JsonObject { ["street"] = "24 Hàng Gai", ["ward"] = "Hàng Gai" }
        }
    };

    public static JsonNode Unit => new JsonObject { ["code"] = "phuong-hang-gai", ["name"] = "UBND phường Hàng Gai", ["kind"] = "ward" };

    public static JsonNode Contest => new JsonObject
    {
        ["title"] = "Viết về gương điển hình tiên tiến, người tốt, việc tốt quận Hoàn Kiếm năm 2026",
        ["opensAt"] = "2026-03-01T00:00:00+07:00",
        ["closesAt"] = "2026-10-31T23:59:59+07:00",
        ["minWords"] = 1300,
        ["maxWords"] = 1500
    };

    public static TBuilder WithExample<TBuilder>(this TBuilder builder, JsonNode example) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true && body is OpenApiMediaType media)
            {
                media.Example = example.DeepClone();
            }
            return Task.CompletedTask;
        });
}
