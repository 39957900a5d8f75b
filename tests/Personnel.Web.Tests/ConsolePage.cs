using Microsoft.Playwright;

namespace Personnel.Web.Tests;

/// <summary>What every console test does: sign in as a clerk would, and keep a screenshot of what it saw.</summary>
public static class ConsolePage
{
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GetByLabel("API 密钥 / API key").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 / Sign in" }).ClickAsync();
        await page.Locator("#who").WaitForAsync();
    }

    public static async Task SignInAsyncExpectingRefusal(IPage page, string token)
    {
        await page.GetByLabel("API 密钥 / API key").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 / Sign in" }).ClickAsync();
        await page.Locator("#sign-in-result .refusal").WaitForAsync();
    }

    public static async Task OpenViewAsync(IPage page, string linkName)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();
    }

    /// <summary>Saves the whole page under the test output (screenshots/NAME.png) and returns the path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(WebFixture.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Whether the page is wider than its viewport (a phone would have to scroll sideways).</summary>
    public static Task<bool> OverflowsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
}
