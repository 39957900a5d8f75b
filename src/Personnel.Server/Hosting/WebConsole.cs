using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace Personnel.Server.Hosting;

/// <summary>
/// The web console of the party-affairs office at <c>/</c>: static HTML, CSS and plain JavaScript embedded in this assembly
/// (<c>WebConsole/</c>), which call the JSON routes with the key the browser keeps for the session. Embedded, so the page is
/// the one built with the server wherever it is started from (<c>dotnet run</c> in the repository, a test, a published copy).
/// </summary>
public static class WebConsole
{
    // Everything comes from this origin; no inline script or style, so an injected string cannot run; no framing.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Serves the console's files; other paths fall through to the API.</summary>
    public static void UseWebConsole(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "WebConsole");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Revalidated on every load (the ETag makes that cheap), so a new server version's page is used at once.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
