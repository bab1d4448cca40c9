using System.Globalization;
using System.Text;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Evm;

namespace Nectar.Conformance.StateTests;

/// <summary>The block hashes state tests assume: keccak of the block number written in decimal.</summary>
public sealed class KeccakDecimalBlockHashes : IBlockHashProvider
{
    /// <summary>The shared instance.</summary>
    public static KeccakDecimalBlockHashes Instance { get; } = new();

    /// <inheritdoc />
    public Hash256 GetBlockHash(ulong number) => Keccak256.Compute(Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)));
}
