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
    public async Task A_configured_certificate_serves_grpc_and_json_on_one_tls_port_and_the_client_trusts_a_ca_file()
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

            // The same port serves HTTP/1.1 (JSON) too: ALPN picks the protocol, so one TLS port needs no second one.
            using var http = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint },
            }) { BaseAddress = new Uri(address), DefaultRequestVersion = HttpVersion.Version11 };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tls-admin");
            using var json = await http.GetAsync("/v1/employees/tls-nobody/post-level");

            // The client library trusts the zone's own CA from a PEM file (the CLI's --ca-file).
            var caFile = Path.Combine(directory, "ca.pem");
            await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());
            using var client = new Personnel.Client.PersonnelClient(new Personnel.Client.PersonnelClientOptions
            {
                Address = new Uri(address), ApiKey = "tls-admin", CaFile = caFile,
            });
            var viaCaFile = await client.Keys.ListApiKeysAsync(new ListApiKeysRequest());

            Assert.StartsWith("https://", address, StringComparison.Ordinal);
            Assert.Equal("admin", Assert.Single(keys.Keys).KeyId);
            Assert.Equal((HttpStatusCode.NotFound, new Version(1, 1)), (json.StatusCode, json.Version));
            Assert.Contains("EMPLOYEE_MUST_EXIST", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("admin", Assert.Single(viaCaFile.Keys).KeyId);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
