namespace Nectar.Node.Configuration;

/// <summary>The <c>rpc.tls</c> section: the certificate that turns the RPC endpoint into HTTPS and WSS.</summary>
public sealed class NodeTlsOptions
{
    /// <summary>The certificate: a PFX file, or a PEM file with <see cref="KeyPath"/>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key, when <see cref="CertificatePath"/> is PEM.</summary>
    public string? KeyPath { get; set; }

    /// <summary>A file whose first line is the password of the PFX or of an encrypted PEM key; kept out of the config file itself.</summary>
    public string? PasswordFile { get; set; }
}
