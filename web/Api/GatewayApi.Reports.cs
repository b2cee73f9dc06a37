using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace HoanKiem.Web.Api;

/// <summary>The year's reports: the summary, the annual report's Markdown, and the files the API serves for download.</summary>
public sealed partial class GatewayApi
{
    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public Task<ApiResult<YearSummary>> YearSummaryAsync(int year) => SendAsync<YearSummary>(HttpMethod.Get, $"/api/reports/{year}/summary");

    public async Task<ApiResult<string>> AnnualReportMarkdownAsync(int year)
    {
        using var response = await FileAsync($"/api/reports/{year}/annual", "text/markdown");
        return response.IsSuccessStatusCode
            ? new(await response.Content.ReadAsStringAsync(), null)
            : new(null, await ProblemAsync(response));
    }

    /// <summary>A file the API serves, asked for as the signed-in person; the caller streams it on and disposes of it.</summary>
    public async Task<HttpResponseMessage> FileAsync(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Headers.AcceptLanguage.ParseAdd("vi");
        token ??= accessor.HttpContext is { } context ? context.GetTokenAsync("access_token") : Task.FromResult<string?>(null);
        if (await token is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(exception, "The gateway did not answer GET {Path}", path);
            return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
        }
    }
}
