using HoanKiem.Web.Api;

namespace HoanKiem.Web;

/// <summary>
/// The files the API serves to the secretariat, fetched with the session's token and streamed on: the browser holds
/// no bearer token, only the session cookie.
/// </summary>
public static class Downloads
{
    private static readonly Dictionary<string, (string Accept, string FileName)> Files = new()
    {
        ["annual.docx"] = (GatewayApi.DocxMediaType, "bao-cao-cuoc-thi-{0}.docx"),
        ["annual.md"] = ("text/markdown", "bao-cao-cuoc-thi-{0}.md"),
        ["tallies.csv"] = ("text/csv", "so-lieu-{0}.csv"),
        ["tallies.xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "so-lieu-{0}.xlsx"),
        ["results.csv"] = ("text/csv", "ket-qua-cham-thi-{0}.csv"),
        ["certificates.docx"] = (GatewayApi.DocxMediaType, "giay-khen-{0}.docx"),
        ["city-package.docx"] = (GatewayApi.DocxMediaType, "goi-bai-thanh-pho-{0}.docx")
    };

    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/secretariat/{year:int}/files/{name}", DownloadAsync).RequireAuthorization(p => p.RequireRole("secretariat"));
        return app;
    }

    private static async Task<IResult> DownloadAsync(int year, string name, string? month, Guid? decision, Guid? batch, string? from, GatewayApi api, HttpContext context)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return TypedResults.NotFound();
        }
        var path = name switch
        {
            "annual.docx" or "annual.md" => $"/api/reports/{year}/annual",
            "results.csv" => $"/api/judging/{year}/results.csv",
            "certificates.docx" => $"/api/recognition/{year}/decisions/{decision}/certificates",
            "city-package.docx" => $"/api/contests/{year}/forwarding-batches/{batch}/package.docx",
            _ => $"/api/reports/{year}/{name}" + (month is { Length: > 0 } ? $"?month={Uri.EscapeDataString(month)}" : "")
        };
        var response = await api.FileAsync(path, file.Accept);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            // Back to the page the link was on, which says the file could not be made.
            var back = WebExtensions.LocalPath(from);
            return TypedResults.Redirect($"{back}{(back.Contains('?') ? '&' : '?')}failed={Uri.EscapeDataString(name)}");
        }
        context.Response.RegisterForDispose(response);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
            ?? string.Format(System.Globalization.CultureInfo.InvariantCulture, file.FileName, month is { Length: > 0 } ? month : year);
        return TypedResults.Stream(await response.Content.ReadAsStreamAsync(), response.Content.Headers.ContentType?.ToString() ?? file.Accept, fileName);
    }
}
