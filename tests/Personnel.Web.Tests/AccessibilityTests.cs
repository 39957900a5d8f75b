using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Personnel.Web.Tests;

/// <summary>Each view, filled with data, passes axe-core's WCAG 2 A/AA rules (labels, names, contrast, landmarks) on a desk
/// screen and on a phone.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebFixture web)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Every_view_passes_the_wcag_rules_of_axe(int width, int height)
    {
        var page = await web.OpenAsync(width, height);
        var violations = new List<string>();
        // The Content-Security-Policy forbids inline script and style: a script error or a blocked resource shows up here.
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.PageError += (_, error) => errors.Add(error);
        await page.ReloadAsync();
        await CheckAsync(page, "sign-in", violations);

        await ConsolePage.SignInAsync(page, web.PartyAffairsToken);
        await Expect(page.Locator("#rotation-result tbody tr").First).ToBeVisibleAsync();
        await CheckAsync(page, "rotation", violations);

        await ConsolePage.OpenViewAsync(page, "名额 / Quotas");
        await page.Locator("#view-quotas").GetByLabel("部门编号 / Department id").FillAsync(Seed.Harbour);
        await page.Locator("#view-quotas").GetByRole(AriaRole.Button, new() { Name = "查询 / Show" }).ClickAsync();
        await Expect(page.Locator("#quotas-result table").First).ToBeVisibleAsync();
        await CheckAsync(page, "quotas", violations);

        await ConsolePage.OpenViewAsync(page, "部门 / Departments");
        await page.Locator("#view-departments").GetByLabel("部门编号 / Department id").FillAsync(Seed.Harbour);
        await page.Locator("#view-departments").GetByRole(AriaRole.Button, new() { Name = "查询 / Show" }).ClickAsync();
        await Expect(page.Locator("#assessment-form")).ToBeVisibleAsync();
        await CheckAsync(page, "departments", violations);

        await page.GotoAsync(web.ConsoleUrl + "#employee/" + Seed.Staff);
        await Expect(page.Locator("#employee-result h3")).ToBeVisibleAsync();
        await CheckAsync(page, "employee", violations);

        Assert.Empty(violations);
        Assert.Empty(errors);
    }

    private static async Task CheckAsync(IPage page, string view, List<string> violations)
    {
        var result = await page.RunAxe(Wcag);
        Assert.NotEmpty(result.Passes); // axe ran its rules on the page
        violations.AddRange(result.Violations.Select(v =>
            $"{view}: {v.Id} ({v.Impact}) {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }
}
