using System.Security.Cryptography.X509Certificates;

namespace OneTimeBot.Host.Tests.LoadBalanced;

/// <summary>
/// A certificate as a PEM file for <c>SSL_CERT_FILE</c>, OpenSSL's own setting, through which a host process trusts
/// it as a real CA would be trusted; deleted when disposed.
/// </summary>
internal sealed class TrustedCertificateFile : IDisposable
{
    private TrustedCertificateFile(string path) => Path = path;

    public string Path { get; }

    public static TrustedCertificateFile Write(X509Certificate2 certificate)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"onetimebot-replicas-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return new TrustedCertificateFile(path);
    }

    public void Dispose() => File.Delete(Path);
}
