using Nectar.Core.Primitives;

namespace Nectar.Crypto.Keys;

/// <summary>
/// One development account derived from a mnemonic: its index, path, address and private key. Development keys are
/// public knowledge (anyone can derive them from the phrase), so they fund devnets and tests and nothing else.
/// </summary>
/// <remarks>The text form shows the index, path and address, never the key.</remarks>
public sealed class DevKey
{
    private readonly byte[] _privateKey;

    internal DevKey(int index, ExtendedPrivateKey key)
    {
        Index = index;
        Path = key.Path;
        Address = key.Address;
        _privateKey = key.ExportPrivateKey();
    }

    /// <summary>The account index (the last step of the path).</summary>
    public int Index { get; }

    /// <summary>The derivation path, <c>m/44'/60'/0'/0/index</c> by default.</summary>
    public KeyPath Path { get; }

    /// <summary>The account's address.</summary>
    public Address Address { get; }

    /// <summary>A copy of the 32-byte private key, big-endian (to sign with, or for a devnet to print on purpose).</summary>
    /// <returns>The private key.</returns>
    public byte[] ExportPrivateKey() => (byte[])_privateKey.Clone();

    /// <summary>The index, path and address.</summary>
    /// <returns>For example <c>(0) m/44'/60'/0'/0/0 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266</c>.</returns>
    public override string ToString() => $"({Index}) {Path} {Address.ToChecksumString()}";
}
