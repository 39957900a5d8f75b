using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Personnel.Server.Hosting;

/// <summary>
/// Where the server listens. Kestrel cannot serve HTTP/1.1 and prior-knowledge HTTP/2 (h2c) on one cleartext port, so gRPC
/// listens on <c>--urls</c> (HTTP/2 only) and HTTP/1.1 callers (JSON, gRPC-Web, browsers) on <c>--Web:Urls</c>. Over TLS
/// ALPN lets one port serve both, so an <c>https</c> address serves HTTP/1.1 and HTTP/2 whichever list names it.
/// </summary>
public sealed class Endpoints
{
    /// <summary>The gRPC address served when none is configured.</summary>
    public const string DefaultGrpcUrl = "http://127.0.0.1:5000";

    /// <summary>The HTTP/1.1 address served when none is configured.</summary>
    public const string DefaultWebUrl = "http://127.0.0.1:5080";

    private readonly List<(ListenOptions Listen, Uri Uri)> _grpc = [];
    private readonly List<(ListenOptions Listen, Uri Uri)> _web = [];

    /// <summary>Gets the gRPC addresses actually bound (a port 0 resolved), once the server has started.</summary>
    public IReadOnlyList<string> Grpc => [.. _grpc.Select(Address)];

    /// <summary>Gets the HTTP/1.1 addresses actually bound, once the server has started.</summary>
    public IReadOnlyList<string> Web => [.. _web.Select(Address)];

    /// <summary>Whether a connection came in on one of the HTTP/1.1 (<c>--Web:Urls</c>) listeners, by its local port.</summary>
    public bool IsWeb(ConnectionInfo connection) =>
        _web.Exists(web => (web.Listen.IPEndPoint?.Port ?? web.Uri.Port) == connection.LocalPort);

    /// <summary>Sets Kestrel's endpoints from <c>urls</c> and <c>Web:Urls</c>, unless <c>Kestrel:Endpoints</c> configures them
    /// (then that configuration decides everything and <see cref="Grpc"/>, <see cref="Web"/> stay empty).</summary>
    public static Endpoints Configure(WebApplicationBuilder builder)
    {
        var endpoints = new Endpoints();
        var configuration = builder.Configuration;
        if (SetByKestrel(configuration))
        {
            return endpoints;
        }

        var grpc = Split(configuration["urls"], DefaultGrpcUrl);
        var web = Split(configuration["Web:Urls"], DefaultWebUrl);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            X509Certificate2? certificate = null;
            foreach (var (urls, http1, into) in new[] { (grpc, false, endpoints._grpc), (web, true, endpoints._web) })
            {
                foreach (var url in urls)
                {
                    var uri = Parse(url);
                    var tls = uri.Scheme == Uri.UriSchemeHttps;
                    if (tls)
                    {
                        certificate ??= LoadCertificate(configuration);
                    }

                    Listen(kestrel, uri, listen =>
                    {
                        listen.Protocols = tls ? HttpProtocols.Http1AndHttp2 : http1 ? HttpProtocols.Http1 : HttpProtocols.Http2;
                        if (tls)
                        {
                            listen.UseHttps(certificate!);
                        }

                        into.Add((listen, uri));
                    });
                }
            }
        });
        return endpoints;
    }

    /// <summary>Whether <c>Kestrel:Endpoints</c> configures the listeners, so that neither <c>urls</c> nor <c>Web:Urls</c> is
    /// used and which port serves HTTP/1.1 is not known here.</summary>
    public static bool SetByKestrel(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    /// <summary>The address as bound: an IP endpoint's port once Kestrel resolved a port 0; localhost as configured.</summary>
    private static string Address((ListenOptions Listen, Uri Uri) endpoint) =>
        $"{endpoint.Uri.Scheme}://{(endpoint.Listen.IPEndPoint is { } ip ? FormatHost(ip) : endpoint.Uri.Authority)}";

    private static string FormatHost(IPEndPoint ip) =>
        ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip.Address}]:{ip.Port}" : $"{ip.Address}:{ip.Port}";

    /// <summary>The addresses of a setting (separated by ';' or ','), its default when unset; <c>none</c> for no address.</summary>
    private static string[] Split(string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? [fallback]
        : value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? []
        : value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri Parse(string url)
    {
        // Kestrel's wildcard hosts, which Uri cannot parse.
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"'{url}' is not an address to listen on: use http://HOST:PORT or https://HOST:PORT.");
        }

        return uri;
    }

    private static void Listen(KestrelServerOptions kestrel, Uri uri, Action<ListenOptions> configure)
    {
        if (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(uri.Port, configure);
        }
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, uri.Port, configure);
        }
        else
        {
            throw new InvalidOperationException($"'{uri}' names the host '{uri.Host}': listen on an IP address, localhost or *.");
        }
    }

    /// <summary>The certificate of <c>Kestrel:Certificates:Default</c> (a PKCS#12 file with its password, or PEM files).</summary>
    private static X509Certificate2 LoadCertificate(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kestrel:Certificates:Default");
        var path = section["Path"];
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException(
                "An https address needs a certificate: set Kestrel:Certificates:Default:Path (a .pfx with :Password, or a PEM with :KeyPath).");
        }

        return section["KeyPath"] is { Length: > 0 } keyPath
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"]);
    }
}
