using HoanKiem.Contracts;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>The public tallies page in a real headless Chromium, loading its data from the service's public API.</summary>
public sealed class TalliesPageTests(ReportingFixture fixture)
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task The_page_shows_every_unit_by_progress_and_marks_those_behind_quota()
    {
        var year = fixture.NewYear();
        string ahead = $"p{year}-quan-doan", done = $"p{year}-hang-gai", behind = $"p{year}-trang-tien";
        await fixture.RegisterUnitAsync(ahead, "Quận đoàn Hoàn Kiếm", "association");
        await fixture.RegisterUnitAsync(done, "Phường Hàng Gai");
        await fixture.RegisterUnitAsync(behind, "Phường Tràng Tiền");
        await fixture.Bus.PublishAsync(new QuotaSet(year, ahead, 2));
        await fixture.Bus.PublishAsync(new QuotaSet(year, done, 1));
        await fixture.Bus.PublishAsync(new QuotaSet(year, behind, 4));
        var march = new DateTimeOffset(year, 3, 10, 9, 0, 0, TimeSpan.FromHours(7));
        foreach (var (unit, count) in new[] { (ahead, 3), (done, 1), (behind, 1) })
        {
            for (var i = 0; i < count; i++)
            {
                await fixture.AcceptAsync(year, unit, march.AddMonths(-i));
            }
        }
        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [ahead] = (2, 3, 1, 0, 0), [done] = (1, 1, 1, 0, 0), [behind] = (4, 1, 1, 0, 0) });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "vi-VN" });
        var failedRequests = new List<string>();
        page.RequestFailed += (_, request) => failedRequests.Add(request.Url);

        var response = await page.GotoAsync(new Uri(fixture.Anonymous.BaseAddress!, $"/tallies/{year}?month={year}-03").ToString());
        Assert.Equal(200, response!.Status);
        await page.Locator($"li[data-unit-code='{behind}']").WaitForAsync();

        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Số lượng bài dự thi theo đơn vị", await page.TitleAsync());
        var order = await page.Locator("li.unit").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.unitCode)");
        Assert.Equal([ahead, done, behind], order.Where(code => code is not null && code.StartsWith($"p{year}-")));

        var behindItem = page.Locator($"li[data-unit-code='{behind}']");
        Assert.Contains("behind-quota", await behindItem.GetAttributeAsync("class"));
        Assert.Contains("1/4 bài", await behindItem.InnerTextAsync());
        Assert.Contains("Chưa đạt chỉ tiêu", await behindItem.InnerTextAsync());
        Assert.Equal("25%", await behindItem.Locator(".bar span").EvaluateAsync<string>("bar => bar.style.width"));
        foreach (var met in new[] { ahead, done })
        {
            Assert.DoesNotContain("behind-quota", await page.Locator($"li[data-unit-code='{met}']").GetAttributeAsync("class"));
        }
        Assert.Contains("Quận đoàn Hoàn Kiếm", await page.Locator($"li[data-unit-code='{ahead}']").InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");

        // January: the ward that was done is not yet, and only the unit three months ahead had started.
        await page.Locator("#month").FillAsync($"{year}-01");
        await Assertions.Expect(page.Locator($"li[data-unit-code='{ahead}'] .unit-count")).ToHaveTextAsync("1/2 bài");
        Assert.Contains("behind-quota", await page.Locator($"li[data-unit-code='{done}']").GetAttributeAsync("class"));
        Assert.Contains("behind-quota", await page.Locator($"li[data-unit-code='{ahead}']").GetAttributeAsync("class"));
        Assert.Empty(failedRequests);
    }
}
