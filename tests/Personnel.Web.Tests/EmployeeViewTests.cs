using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Personnel.Web.Tests;

/// <summary>员工 / Employee: found by name; contract state on the lifecycle, post level and its history, grades, tenure.</summary>
[Collection(WebCollection.Name)]
public sealed class EmployeeViewTests(WebFixture web)
{
    [Fact]
    public async Task AS20_a_person_found_by_name_shows_the_state_marked_the_grades_and_the_year_not_counted()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.ReaderToken);
        await ConsolePage.OpenViewAsync(page, "员工 / Employee");

        await page.Locator("#view-employee").GetByLabel("编号或姓名 / Id or name").FillAsync("孙");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索 / Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{Seed.StaffName} ({Seed.Staff})" }).ClickAsync();

        var record = page.Locator("#employee-result");
        await Expect(record.Locator("h3")).ToHaveTextAsync($"{Seed.StaffName} ({Seed.Staff})");
        var current = record.Locator(".lifecycle .state[aria-current=true]");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToContainTextAsync("正式聘任");
        await Expect(record.Locator(".level-now")).ToContainTextAsync("一般工作人员 / Staff");

        var annual = record.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Annual grades" }) });
        await Expect(annual.Locator("tbody tr", new() { HasText = "2025" })).ToContainTextAsync("基本称职 / Basically competent");
        var uncounted = record.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Years not counted" }) });
        await Expect(uncounted.Locator("tbody tr", new() { HasText = "2025" })).ToContainTextAsync("AS 第二十条");
        var history = record.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Post level history" }) });
        await Expect(history.Locator("tbody tr").First).ToContainTextAsync("employee-appointed");
        await ConsolePage.ScreenshotAsync(page, "employee");
    }

    [Fact]
    public async Task The_rotation_list_links_to_the_head_whose_tenure_shows_the_mandatory_rotation()
    {
        var page = await web.OpenAsync(390, 844);
        await ConsolePage.SignInAsync(page, web.ReaderToken);

        await page.GetByRole(AriaRole.Link, new() { Name = Seed.HeadName }).ClickAsync();

        var record = page.Locator("#employee-result");
        await Expect(record.Locator("h3")).ToHaveTextAsync($"{Seed.HeadName} ({Seed.Head})");
        await Expect(record).ToContainTextAsync("强制 / mandatory");
        Assert.EndsWith("#employee/" + Seed.Head, page.Url, StringComparison.Ordinal);
        Assert.False(await ConsolePage.OverflowsSidewaysAsync(page));
        await ConsolePage.ScreenshotAsync(page, "employee-phone");
    }
}
