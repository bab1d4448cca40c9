using System.Runtime.CompilerServices;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>
/// 0x01 ecrecover: the address that signed a hash. v must be exactly 27 or 28 as a 32-byte word, r and s in
/// [1, n - 1] (high s is allowed); any failure yields empty output, not a failed call. 3,000 gas.
/// </summary>
[SkipLocalsInit]
public sealed class EcRecoverPrecompile(ISecp256k1 secp256k1) : Precompile
{
    private readonly ISecp256k1 _secp256k1 = secp256k1 ?? throw new ArgumentNullException(nameof(secp256k1));

    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => 3_000;

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        Span<byte> padded = stackalloc byte[128];
        Pad(input, padded);
        output = [];
        var v = padded.Slice(32, 32);
        if (v[..31].ContainsAnyExcept((byte)0) || (v[31] != 27 && v[31] != 28))
        {
            return true;
        }

        var signature = padded.Slice(64, 64);
        if (!Secp256k1Curve.HasValidRange(signature))
        {
            return true;
        }

        Span<byte> publicKey = stackalloc byte[64];
        if (!_secp256k1.TryRecover(padded[..32], signature, v[31] - 27, publicKey))
        {
            return true;
        }

        output = new byte[32];
        Address.FromPublicKey(publicKey).CopyTo(output.AsSpan(12));
        return true;
    }
}
