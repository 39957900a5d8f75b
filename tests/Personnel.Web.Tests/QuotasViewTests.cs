using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Personnel.Web.Tests;

/// <summary>名额 / Quotas: Good per quarter against its cap (AS 第八条), Excellent per year (AS 第十二条).</summary>
[Collection(WebCollection.Name)]
public sealed class QuotasViewTests(WebFixture web)
{
    [Fact]
    public async Task AS8_a_quarter_whose_goods_reached_the_cap_shows_full()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.ReaderToken);
        await ConsolePage.OpenViewAsync(page, "名额 / Quotas");

        await page.Locator("#view-quotas").GetByLabel("部门编号 / Department id").FillAsync(Seed.Harbour);
        await page.Locator("#view-quotas").GetByLabel("年度 / Year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询 / Show" }).ClickAsync();

        var q1 = page.Locator("#quotas-result tbody tr", new() { HasText = "Q1" });
        await Expect(q1).ToContainTextAsync("已满 / Full");
        var cells = q1.Locator("td");
        await Expect(cells.Nth(1)).ToHaveTextAsync("2");
        await Expect(cells.Nth(2)).ToHaveTextAsync("2");
        await Expect(page.Locator("#quotas-result tbody tr", new() { HasText = "Q2" })).Not.ToContainTextAsync("已满");
        await Expect(page.Locator("#quotas-result caption").Nth(1)).ToContainTextAsync("AS 第十二条");
        await ConsolePage.ScreenshotAsync(page, "quotas");
    }

    [Fact]
    public async Task The_department_view_links_to_the_quotas_of_its_department()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.ReaderToken);

        // From the rotation list's department cell to the department, then to its quotas.
        await page.Locator("#rotation-result tbody tr", new() { HasText = Seed.HeadName }).GetByRole(AriaRole.Link, new() { Name = Seed.Harbour }).ClickAsync();
        await Expect(page.Locator("#department-result dl")).ToContainTextAsync("港务局");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看本年度名额 / This year's quotas" }).ClickAsync();

        await Expect(page.Locator("#view-quotas")).ToBeVisibleAsync();
        await Expect(page.Locator("#view-quotas").GetByLabel("部门编号 / Department id")).ToHaveValueAsync(Seed.Harbour);
        await Expect(page.Locator("#quotas-result table")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_department_never_created_is_shown_as_the_apis_not_found()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.ReaderToken);
        await ConsolePage.OpenViewAsync(page, "名额 / Quotas");

        await page.Locator("#view-quotas").GetByLabel("部门编号 / Department id").FillAsync("nowhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询 / Show" }).ClickAsync();

        await Expect(page.Locator("#quotas-result .refusal")).ToContainTextAsync("NOT_FOUND");
    }
}
