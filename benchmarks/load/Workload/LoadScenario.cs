using System.Buffers.Binary;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Crypto;
using Nectar.Crypto.Signing;

namespace Nectar.Benchmarks.Load.Workload;

/// <summary>
/// The fixed parts of the workload, the same for every target: the senders' keys and the recipients (both derived
/// from a seed, so a run is reproducible), the fees and the gas of each transfer.
/// </summary>
internal sealed class LoadScenario
{
    /// <summary>Gas limit of each transfer: above the ~51,600 a transfer to a fresh recipient uses.</summary>
    public const ulong TransferGasLimit = 60_000;

    /// <summary>Token units moved by each transfer.</summary>
    public const ulong TransferAmount = 1;

    private readonly byte[][] _keys;

    /// <summary>Derives the senders.</summary>
    /// <param name="secp256k1">The curve, for the senders' addresses.</param>
    /// <param name="seed">The seed of keys and recipients.</param>
    /// <param name="senders">How many senders.</param>
    /// <param name="maxFeePerGas">The fee cap of every transfer, in wei.</param>
    /// <param name="priorityFeePerGas">The priority fee of every transfer, in wei.</param>
    public LoadScenario(ISecp256k1 secp256k1, ulong seed, int senders, UInt256 maxFeePerGas, UInt256 priorityFeePerGas)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        Seed = seed;
        MaxFeePerGas = maxFeePerGas;
        PriorityFeePerGas = priorityFeePerGas;
        Signer = new TransactionSigner(secp256k1);
        _keys = new byte[senders][];
        Senders = new Address[senders];
        for (var i = 0; i < senders; i++)
        {
            _keys[i] = SenderKey(secp256k1, seed, i);
            Senders[i] = Signer.AddressOf(_keys[i]);
        }
    }

    /// <summary>The seed of keys and recipients.</summary>
    public ulong Seed { get; }

    /// <summary>The senders' addresses, by sender index.</summary>
    public Address[] Senders { get; }

    /// <summary>The fee cap of every transfer.</summary>
    public UInt256 MaxFeePerGas { get; }

    /// <summary>The priority fee of every transfer.</summary>
    public UInt256 PriorityFeePerGas { get; }

    /// <summary>The signer.</summary>
    public TransactionSigner Signer { get; }

    /// <summary>The private key of sender <paramref name="index"/>.</summary>
    /// <param name="index">The sender's index.</param>
    /// <returns>The 32-byte key.</returns>
    public ReadOnlySpan<byte> KeyOf(int index) => _keys[index];

    /// <summary>
    /// The recipient of sender <paramref name="sender"/>'s transfer with nonce <paramref name="nonce"/>: an address that
    /// has never held the token, so every transfer writes a fresh balance slot (cold, zero to non-zero), the
    /// heavier and more realistic case for a payment network than moving tokens among a few accounts.
    /// </summary>
    /// <param name="seed">The seed.</param>
    /// <param name="sender">The sender's index.</param>
    /// <param name="nonce">The transfer's nonce.</param>
    /// <returns>The address.</returns>
    public static Address Recipient(ulong seed, int sender, ulong nonce)
    {
        var label = "nectar-load recipient"u8;
        Span<byte> input = stackalloc byte[label.Length + 8 + 4 + 8];
        label.CopyTo(input);
        BinaryPrimitives.WriteUInt64BigEndian(input[label.Length..], seed);
        BinaryPrimitives.WriteInt32BigEndian(input[(label.Length + 8)..], sender);
        BinaryPrimitives.WriteUInt64BigEndian(input[(label.Length + 12)..], nonce);
        return new Address(Keccak256.Compute(input).Bytes[12..]);
    }

    private static byte[] SenderKey(ISecp256k1 secp256k1, ulong seed, int index)
    {
        var label = "nectar-load sender"u8;
        Span<byte> input = stackalloc byte[label.Length + 8 + 4 + 4];
        label.CopyTo(input);
        BinaryPrimitives.WriteUInt64BigEndian(input[label.Length..], seed);
        BinaryPrimitives.WriteInt32BigEndian(input[(label.Length + 8)..], index);
        for (var attempt = 0; ; attempt++)
        {
            // A hash is a valid key with overwhelming probability; the counter only guards the impossible case.
            BinaryPrimitives.WriteInt32BigEndian(input[(label.Length + 12)..], attempt);
            var key = Keccak256.Compute(input).ToArray();
            if (secp256k1.IsValidPrivateKey(key))
            {
                return key;
            }
        }
    }
}
