using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Personnel.Web.Tests;

/// <summary>部门 / Departments: tiers, yellow cards and the leadership adjustment (AM 第十七条); the assessment form for
/// party-affairs, refused writes shown with their article, and no form for a reader.</summary>
[Collection(WebCollection.Name)]
public sealed class DepartmentsViewTests(WebFixture web)
{
    [Fact]
    public async Task AM17_party_affairs_sees_yellow_cards_and_the_adjustment_and_a_second_assessment_of_a_year_is_refused_with_its_article()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.PartyAffairsToken);
        await ShowAsync(page, Seed.Harbour);

        var year2024 = page.Locator("#department-result tbody tr", new() { HasText = "2024" });
        await Expect(year2024).ToContainTextAsync("三等 / Tier 3");
        await Expect(year2024).ToContainTextAsync("黄牌 / Yellow card");
        await Expect(year2024).ToContainTextAsync($"Delivered to {Seed.Head}");

        // 2024 is already assessed: the API refuses, and the console shows the article and the facts.
        await page.Locator("#view-departments").GetByLabel("年度 / Year", new() { Exact = true }).FillAsync("2024");
        await page.Locator("#view-departments").GetByLabel("等次 / Tier", new() { Exact = true }).SelectOptionAsync("DEPARTMENT_TIER_1");
        await page.Locator("#view-departments").GetByLabel("决定日期 / Decided on").FillAsync("2025-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录考核 / Record assessment" }).ClickAsync();

        var refusal = page.Locator("#assessment-result .refusal");
        await Expect(refusal).ToContainTextAsync("ALREADY_EXISTS");
        await Expect(refusal.Locator(".article")).ToHaveTextAsync("AM 第十七条");
        await Expect(refusal).ToContainTextAsync("ONE_ASSESSMENT_PER_YEAR");
        await Expect(refusal).ToContainTextAsync("2024");
        await ConsolePage.ScreenshotAsync(page, "departments-refused");
    }

    [Fact]
    public async Task AM17_party_affairs_records_a_year_and_the_page_shows_it_with_its_yellow_card()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.PartyAffairsToken);
        await ShowAsync(page, Seed.Roads);

        await page.Locator("#view-departments").GetByLabel("年度 / Year", new() { Exact = true }).FillAsync("2025");
        await page.Locator("#view-departments").GetByLabel("等次 / Tier", new() { Exact = true }).SelectOptionAsync("DEPARTMENT_TIER_4");
        await page.Locator("#view-departments").GetByLabel("决定日期 / Decided on").FillAsync("2026-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录考核 / Record assessment" }).ClickAsync();

        await Expect(page.Locator("#department-result .ok")).ToContainTextAsync("黄牌警告 / Yellow card");
        var year2025 = page.Locator("#department-result tbody tr", new() { HasText = "2025" });
        await Expect(year2025).ToContainTextAsync("四等 / Tier 4");
        await Expect(year2025).ToContainTextAsync("黄牌 / Yellow card");
    }

    [Fact]
    public async Task A_reader_sees_the_department_but_not_the_assessment_form()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.ReaderToken);
        await ShowAsync(page, Seed.Harbour);

        await Expect(page.Locator("#department-result tbody tr", new() { HasText = "2023" })).ToBeVisibleAsync();
        await Expect(page.Locator("#assessment-form")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "记录考核 / Record assessment" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#assessment-not-allowed")).ToBeVisibleAsync();
        await ConsolePage.ScreenshotAsync(page, "departments-reader");
    }

    [Fact]
    public async Task AM17_an_adjustment_waiting_for_a_head_is_shown_pending()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, web.ReaderToken);
        await ShowAsync(page, Seed.Ferry);

        var tiers = page.Locator("#department-result table", new() { Has = page.Locator("caption", new() { HasText = "Tiers by year" }) });
        await Expect(tiers.Locator("tbody tr", new() { HasText = "2024" })).ToContainTextAsync("待落实 / Pending");
        var pending = page.Locator("#department-result table", new() { Has = page.Locator("caption", new() { HasText = "Leadership adjustments pending" }) });
        await Expect(pending.Locator("tbody tr")).ToContainTextAsync("2025-01-21");
    }

    private static async Task ShowAsync(IPage page, string departmentId)
    {
        await ConsolePage.OpenViewAsync(page, "部门 / Departments");
        await page.Locator("#view-departments").GetByLabel("部门编号 / Department id").FillAsync(departmentId);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询 / Show" }).ClickAsync();
        await page.Locator("#department-result dl").WaitForAsync();
    }
}
