using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Personnel.Web.Tests;

/// <summary>登录 / Sign in: the key is checked by the API, kept in the tab's session only, and cleared on sign-out.</summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [Fact]
    public async Task A_wrong_key_is_refused_with_the_apis_reason_and_never_stored()
    {
        var page = await web.OpenAsync();
        await Expect(page.Locator("#nav")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出 / Sign out" })).ToBeHiddenAsync();

        await ConsolePage.SignInAsyncExpectingRefusal(page, "nobody.not-a-secret");

        var refusal = page.Locator("#sign-in-result .refusal");
        await Expect(refusal).ToContainTextAsync("UNAUTHENTICATED");
        await Expect(refusal).ToContainTextAsync("API_KEY_INVALID");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('personnel.apiKey')"));
        await Expect(page.Locator("#nav")).ToBeHiddenAsync();
        await Expect(page.Locator("#view-rotation")).ToBeHiddenAsync();
        await ConsolePage.ScreenshotAsync(page, "sign-in-refused");
    }

    [Fact]
    public async Task A_clerk_signs_in_with_the_keyboard_alone_and_signing_out_forgets_the_key()
    {
        var page = await web.OpenAsync();

        // The field has focus on load; Enter submits; Tab reaches the views' links.
        await page.Keyboard.TypeAsync(WebFixture.AdminToken);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#who-text")).ToContainTextAsync("admin");
        Assert.DoesNotContain(WebFixture.AdminToken, page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Equal(WebFixture.AdminToken, await page.EvaluateAsync<string?>("() => sessionStorage.getItem('personnel.apiKey')"));

        // Every department of the register is offered in the department fields, also one no view has shown yet.
        await Expect(page.Locator($"#known-departments option[value='{Seed.Ferry}']")).ToHaveCountAsync(1);

        await page.Locator("#nav a[data-view=quotas]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#view-quotas")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "退出 / Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("API 密钥 / API key")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("API 密钥 / API key")).ToHaveValueAsync("");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('personnel.apiKey')"));
        await Expect(page.Locator("#view-quotas")).ToBeHiddenAsync();
        await Expect(page.Locator("#nav")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_key_revoked_during_the_session_returns_the_clerk_to_the_sign_in_form_with_the_refusal()
    {
        var token = await new Seed(web.Invoker, WebFixture.AdminToken).KeyAsync(Personnel.Api.V1.Role.Reader);
        var page = await web.OpenAsync();
        await ConsolePage.SignInAsync(page, token);
        await Expect(page.Locator("#rotation-result tbody tr").First).ToBeVisibleAsync();

        await new Seed(web.Invoker, WebFixture.AdminToken).RevokeAsync(token.Split('.')[0]);
        await page.Locator("#view-rotation").GetByRole(AriaRole.Button, new() { Name = "查询 / Search" }).ClickAsync();

        await Expect(page.Locator("#sign-in-result .refusal")).ToContainTextAsync("API_KEY_INVALID");
        await Expect(page.Locator("#nav")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('personnel.apiKey')"));
    }
}
