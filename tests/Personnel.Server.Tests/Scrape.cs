using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Personnel.Server.Tests;

/// <summary>Reads <c>/metrics</c> as Prometheus does: HTTP/1.1 on the web port, the key as a bearer token, the text
/// exposition read series by series.</summary>
internal static class Scrape
{
    /// <summary>An HTTP/1.1 client of <paramref name="address"/> on one connection, so a request is served (and its metrics
    /// recorded, which the server does once the response is sent) before the next one on that connection is read.</summary>
    public static HttpClient Client(Uri address, string? token)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
        {
            BaseAddress = address, DefaultRequestVersion = HttpVersion.Version11,
        };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>The value of the one series named <paramref name="name"/> whose labels include each of
    /// <paramref name="labels"/> (written <c>name="value"</c>); 0 when there is none yet (a counter not yet incremented).</summary>
    public static double Value(string exposition, string name, params string[] labels)
    {
        var series = exposition.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .ToList();
        Assert.True(series.Count <= 1, $"More than one series of {name} with {string.Join(", ", labels)}:\n{string.Join('\n', series)}");
        return series.Count == 0 ? 0 : double.Parse(series[0][(series[0].LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
