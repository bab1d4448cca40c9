using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Testing;

namespace Nectar.JsonRpc.Server.Tests;

public sealed class TlsSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nectar-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Serves_https_with_the_configured_certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_directory, "node.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "secret"));
        var dispatcher = new RpcDispatcherBuilder().AddModule<ITestRpcModule>(new TestRpcModule()).AddTypeInfoResolver(TestRpcJsonContext.Default).Build();
        await using var server = await JsonRpcServer.StartAsync(
            new JsonRpcServerOptions { Port = 0, CertificatePath = path, CertificatePassword = "secret" },
            dispatcher,
            new InMemoryRpcAuthenticator());
        var thumbprint = certificate.Thumbprint;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == thumbprint },
        });

        var response = await client.PostAsync(server.HttpUri, new StringContent("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", Encoding.UTF8, "application/json"));

        Assert.Equal("https", server.HttpUri.Scheme);
        Assert.Equal("wss", server.WebSocketUri.Scheme);
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"0x539"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Accepts_a_non_loopback_address_once_a_certificate_is_set()
    {
        var path = Path.Combine(_directory, "exists.pfx");
        File.WriteAllBytes(path, [1]);

        Assert.Empty(new JsonRpcServerOptions { ListenAddress = IPAddress.Any, CertificatePath = path }.Validate());
    }
}
