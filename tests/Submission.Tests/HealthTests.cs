using System.Net;
using System.Text.Json;
using Xunit;

namespace HoanKiem.Submission.Tests;

public sealed class HealthTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Health_answers_json_with_each_checks_status()
    {
        using var response = await fixture.Secretariat.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(check => check.GetProperty("name").GetString()!, check => check.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["self"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.Contains(checks, check => check.Key.StartsWith("masstransit", StringComparison.Ordinal) && check.Value == "Healthy");
    }
}
