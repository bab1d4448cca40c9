using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.JsonRpc.Tests.Logs.Support;

/// <summary>A funded test account: its private key and address.</summary>
internal sealed class TestKey
{
    public static readonly LibSecp256k1 Secp256k1 = new();
    public static readonly TransactionSigner Signer = new(Secp256k1);

    public static readonly TestKey Alice = new("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    public static readonly TestKey Bob = new("0x41f6e321b31e72173f8ff2e292359e1862f24fba42fe6f97efaf641980eff298");
    public static readonly TestKey Carol = new("0x8a1f9a8f95be41cd7ccb6168179afb4504aefe388d1e14474d32c45c72ce7b7a");
    public static readonly TestKey Dave = new("0x0dbbe8e4ae425a6d2687f1a7e3ba17bc98c673636790f1b8ad91193c05875ef1");

    private TestKey(string privateKeyHex)
    {
        PrivateKey = Hex.Decode(privateKeyHex);
        Address = Signer.AddressOf(PrivateKey);
    }

    public byte[] PrivateKey { get; }

    public Address Address { get; }
}
