using System.Runtime.CompilerServices;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>
/// The precompiles active in a fork, addressed 0x01 upwards: 0x01-0x04 from Frontier, 0x05-0x08 from Byzantium,
/// 0x09 from Istanbul, 0x0a from Cancun and 0x0b-0x11 from Prague.
/// </summary>
public sealed class PrecompileSet
{
    private readonly Precompile?[] _byLastByte;
    private readonly Address[] _addresses;

    /// <summary>Builds the set for a fork.</summary>
    /// <param name="spec">The fork's rules.</param>
    /// <param name="secp256k1">The curve implementation ecrecover uses.</param>
    public PrecompileSet(ForkSpec spec, ISecp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var list = new List<Precompile>
        {
            new EcRecoverPrecompile(secp256k1),
            new Sha256Precompile(),
            new Ripemd160Precompile(),
            new IdentityPrecompile(),
        };
        if (spec.IsByzantiumEnabled)
        {
            list.Add(new ModExpPrecompile());
            list.Add(new Bn254AddPrecompile());
            list.Add(new Bn254MultiplyPrecompile());
            list.Add(new Bn254PairingPrecompile());
        }

        if (spec.IsEip152Enabled)
        {
            list.Add(new Blake2FPrecompile());
        }

        if (spec.IsEip4844Enabled)
        {
            list.Add(new PointEvaluationPrecompile());
        }

        if (spec.IsEip2537Enabled)
        {
            foreach (var operation in Enum.GetValues<Bls12381Operation>())
            {
                list.Add(new Bls12381Precompile(operation));
            }
        }

        _byLastByte = new Precompile?[list.Count + 1];
        _addresses = new Address[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            _byLastByte[i + 1] = list[i];
            _addresses[i] = AddressOf(i + 1);
        }
    }

    /// <summary>The addresses of the active precompiles (they start warm under EIP-2929).</summary>
    public IReadOnlyList<Address> Addresses => _addresses;

    /// <summary>The address of the n-th precompile (0x00..0n).</summary>
    /// <param name="index">The low byte of the address.</param>
    /// <returns>The address.</returns>
    public static Address AddressOf(int index)
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        bytes.Clear();
        bytes[^1] = (byte)index;
        return new Address(bytes);
    }

    /// <summary>Finds the precompile at an address.</summary>
    /// <param name="address">The address.</param>
    /// <param name="precompile">The precompile, when there is one.</param>
    /// <returns>Whether <paramref name="address"/> is an active precompile.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(Address address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Precompile? precompile)
    {
        var bytes = address.Bytes;
        var last = bytes[^1];
        if (last < _byLastByte.Length && !bytes[..^1].ContainsAnyExcept((byte)0))
        {
            precompile = _byLastByte[last];
            return precompile is not null;
        }

        precompile = null;
        return false;
    }

    /// <summary>Whether <paramref name="address"/> is an active precompile.</summary>
    /// <param name="address">The address.</param>
    /// <returns><see langword="true"/> for a precompile.</returns>
    public bool Contains(Address address) => TryGet(address, out _);
}
