using System.Globalization;
using System.Text;

namespace Nectar.Privacy.Sessions;

public sealed partial class SiweMessage
{
    /// <summary>
    /// The message text as a wallet signs it: LF line endings, no trailing line break, the address in EIP-55
    /// checksum form. For a parsed message this is the parsed text, byte for byte.
    /// </summary>
    /// <returns>The EIP-4361 text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder(256);
        if (Scheme is not null)
        {
            builder.Append(Scheme).Append("://");
        }

        builder.Append(Domain).Append(HeaderSuffix).Append('\n');
        builder.Append(Address.ToChecksumString()).Append('\n');
        builder.Append('\n');
        if (Statement is not null)
        {
            builder.Append(Statement).Append('\n');
        }

        builder.Append('\n');
        builder.Append(UriTag).Append(Uri).Append('\n');
        builder.Append(VersionTag).Append(Version).Append('\n');
        builder.Append(ChainIdTag).Append(ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append(NonceTag).Append(Nonce).Append('\n');
        builder.Append(IssuedAtTag).Append(IssuedAt.Text);
        if (ExpirationTime is not null)
        {
            builder.Append('\n').Append(ExpirationTimeTag).Append(ExpirationTime.Text);
        }

        if (NotBefore is not null)
        {
            builder.Append('\n').Append(NotBeforeTag).Append(NotBefore.Text);
        }

        if (RequestId is not null)
        {
            builder.Append('\n').Append(RequestIdTag).Append(RequestId);
        }

        if (_resources is not null)
        {
            builder.Append('\n').Append(ResourcesLine);
            foreach (var resource in _resources)
            {
                builder.Append('\n').Append(ResourcePrefix).Append(resource);
            }
        }

        return builder.ToString();
    }
}
