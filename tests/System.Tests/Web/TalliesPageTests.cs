using HoanKiem.Submission.Corpus;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>The public tallies page, in the web app's look at its old address, through the gateway, to anyone.</summary>
public sealed class TalliesPageTests(SystemFixture system)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Anyone_sees_every_unit_by_progress_and_those_behind_quota_with_a_way_to_sign_in(int width)
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, 100, 2000);
        string ahead = $"p{year}-quan-doan", done = $"p{year}-hang-gai", behind = $"p{year}-trang-tien";
        await secretariat.RegisterUnitAsync(ahead, "Quận đoàn Hoàn Kiếm", 2, year);
        await secretariat.RegisterUnitAsync(done, "Phường Hàng Gai", 1, year);
        await secretariat.RegisterUnitAsync(behind, "Phường Tràng Tiền", 4, year);
        var seed = year * 100;
        foreach (var (unit, count) in new[] { (ahead, 3), (done, 1), (behind, 1) })
        {
            for (var i = 0; i < count; i++)
            {
                var article = ArticleCorpus.Generate(seed++, "Hàng Gai", 300, 500);
                await secretariat.SubmitForAsync(year, unit, new
                {
                    title = article.Title, body = article.Body, field = article.Field, unitCode = unit,
                    author = new { fullName = "Nguyễn Văn An", phone = "0912345678" },
                    nominee = new { fullName = article.NomineeFullName, address = new { ward = "Hàng Gai" } }
                });
            }
        }
        await secretariat.WaitForTallyAsync(year, ahead, 3);
        await secretariat.WaitForTallyAsync(year, behind, 1);

        await using var web = await WebSession.StartAsync(system, width);
        var page = web.Page;
        await web.OpenAsync($"/tallies/{year}?month={year}-03");
        Assert.Equal("Số lượng bài dự thi theo đơn vị", await page.TitleAsync());
        var order = await page.Locator("li.unit").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.unitCode)");
        Assert.Equal([ahead, done, behind], order.Where(c => c.StartsWith($"p{year}-", StringComparison.Ordinal)));
        var behindItem = page.Locator($"li[data-unit-code='{behind}']");
        Assert.Contains("behind-quota", await behindItem.GetAttributeAsync("class"));
        await Assertions.Expect(behindItem).ToContainTextAsync("1/4 bài");
        await Assertions.Expect(behindItem).ToContainTextAsync("Chưa đạt chỉ tiêu (còn thiếu 3 bài)");
        Assert.Equal("25%", await behindItem.Locator(".bar span").EvaluateAsync<string>("bar => bar.style.width"));
        Assert.DoesNotContain("behind-quota", await page.Locator($"li[data-unit-code='{ahead}']").GetAttributeAsync("class"));

        // Another month, with the keyboard.
        await web.TabToAsync("#month");
        await page.Locator("#month").FillAsync($"{year}-01");
        await page.Locator("#month").PressAsync("Enter");
        await Assertions.Expect(page.Locator("p.overview")).ToContainTextAsync($"Tính đến hết tháng 01/{year}: 5 bài dự thi hợp lệ");
        Assert.EndsWith($"/tallies/{year}?month={year}-01", page.Url);
        await web.CheckPageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "đăng nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));

        Assert.Equal(404, (await page.GotoAsync("/tallies/1999"))!.Status);
        var thisYear = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).Year;
        await page.GotoAsync("/tallies");
        Assert.EndsWith($"/tallies/{thisYear}", page.Url);
    }
}
