using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>With a certificate configured (standard Kestrel configuration) the server speaks gRPC over TLS.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task A_configured_certificate_serves_grpc_over_tls_with_alpn_h2()
    {
        var directory = Path.Combine(Path.GetTempPath(), "personnel-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(directory, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        try
        {
            await using var app = await ServerHost.BuildAsync(
            [
                "--urls", "https://127.0.0.1:0", "--Web:Urls", "none", "--Kestrel:Certificates:Default:Path", pfx, "--Kestrel:Certificates:Default:Password", "secret",
                "--Storage:ConnectionString", Path.Combine(directory, "p.db"), "--PERSONNEL_ADMIN_KEY", "tls-admin", "--Logging:LogLevel:Default", "Warning",
            ]);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<Endpoints>().Grpc[0];
            var thumbprint = certificate.Thumbprint;
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler
                {
                    SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint },
                },
            });

            var keys = await new Client(channel.CreateCallInvoker(), "tls-admin").Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());

            Assert.StartsWith("https://", address, StringComparison.Ordinal);
            Assert.Equal("admin", Assert.Single(keys.Keys).KeyId);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
