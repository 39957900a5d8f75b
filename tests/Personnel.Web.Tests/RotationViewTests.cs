using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Personnel.Web.Tests;

/// <summary>轮岗到期 / Rotation due: the head of three terms is 强制 / mandatory and overdue; the CSV opens in Excel.</summary>
[Collection(WebCollection.Name)]
public sealed class RotationViewTests(WebFixture web)
{
    [Fact]
    public async Task AM12_the_head_of_three_terms_is_listed_mandatory_and_overdue_and_the_csv_is_utf8_with_a_bom()
    {
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, WebFixture.AdminToken);

        // The rotation view opens first, as of today, and loads at once.
        await Expect(page.Locator("#view-rotation")).ToBeVisibleAsync();
        var head = page.Locator("#rotation-result tbody tr", new() { HasText = Seed.RoadsHeadName });
        await Expect(head).ToContainTextAsync("强制 / mandatory");
        await Expect(head).ToContainTextAsync("2024-02-29");
        await Expect(head).ToContainTextAsync("已逾期 / Overdue");
        await Expect(head).ToHaveClassAsync("overdue");
        await Expect(head).ToContainTextAsync("AM 第十二条: 3 consecutive terms");

        // The harbour head's rotation is mandatory because the department's yellow cards forced a leadership adjustment.
        var adjusted = page.Locator("#rotation-result tbody tr", new() { HasText = Seed.HeadName });
        await Expect(adjusted).ToContainTextAsync("强制 / mandatory");
        await Expect(adjusted).ToContainTextAsync("AM 第十七条");

        // The section chief's second term ends in about half a year: advisory, not yet overdue.
        var chief = page.Locator("#rotation-result tbody tr", new() { HasText = Seed.SectionChief });
        await Expect(chief).ToContainTextAsync("建议 / advisory");
        await Expect(chief).Not.ToHaveClassAsync("overdue");
        await ConsolePage.ScreenshotAsync(page, "rotation-desk");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "导出 CSV / Export CSV" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("\"员工编号 / Employee id\",", csv, StringComparison.Ordinal);
        Assert.Contains($"\"{Seed.RoadsHead}\",\"{Seed.RoadsHeadName}\",\"{Seed.Roads}\",\"部门正职 / Department head\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"强制 / mandatory\"", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.Matches(@"^rotation-due-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
    }

    [Fact]
    public async Task The_filters_narrow_the_list_and_a_phone_reads_it_without_sideways_scrolling_of_the_page()
    {
        var page = await web.OpenAsync(390, 844);
        await ConsolePage.SignInAsync(page, web.ReaderToken);
        await Expect(page.Locator("#rotation-result tbody tr", new() { HasText = Seed.HeadName })).ToBeVisibleAsync();

        await page.Locator("#view-rotation").GetByLabel("强度 / Strength").SelectOptionAsync("ROTATION_STRENGTH_ADVISORY");
        await page.Locator("#view-rotation").GetByLabel("部门编号 / Department id").FillAsync(Seed.Roads);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询 / Search" }).ClickAsync();

        var rows = page.Locator("#rotation-result tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(Seed.SectionChief);
        Assert.False(await ConsolePage.OverflowsSidewaysAsync(page));
        await ConsolePage.ScreenshotAsync(page, "rotation-phone");
    }
}
