using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nectar.Crypto;

/// <summary>
/// One signature to recover in a batch (<see cref="ISecp256k1.RecoverMany"/>): the message hash, the
/// compact signature and the recovery id, stored inline so that a batch is one contiguous block of memory
/// that worker threads can read without copying or pinning per item.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct RecoveryRequest
{
    private const int HashLength = 32;
    private const int SignatureLength = 64;

    private readonly Payload _payload;
    private readonly int _recoveryId;

    /// <summary>Creates a request from a message hash, a compact signature and a recovery id.</summary>
    /// <param name="messageHash32">The 32-byte message hash that was signed.</param>
    /// <param name="signatureRS64">r and s, 32 bytes each, big-endian.</param>
    /// <param name="recoveryId">The recovery id; values outside 0 to 3 are kept and make recovery fail.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public RecoveryRequest(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signatureRS64, int recoveryId)
    {
        if (messageHash32.Length != HashLength)
        {
            throw new ArgumentException("The message hash must be 32 bytes.", nameof(messageHash32));
        }

        if (signatureRS64.Length != SignatureLength)
        {
            throw new ArgumentException("The signature must be 64 bytes (r then s).", nameof(signatureRS64));
        }

        Span<byte> payload = _payload;
        messageHash32.CopyTo(payload);
        signatureRS64.CopyTo(payload[HashLength..]);
        _recoveryId = recoveryId;
    }

    /// <summary>The 32-byte message hash.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> MessageHash => ((ReadOnlySpan<byte>)_payload)[..HashLength];

    /// <summary>The 64-byte compact signature: r then s, big-endian.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Signature => ((ReadOnlySpan<byte>)_payload)[HashLength..];

    /// <summary>The recovery id (0 to 3 for a well-formed request).</summary>
    public int RecoveryId => _recoveryId;

    /// <summary>Hash and signature side by side, so one request is a single 100-byte record.</summary>
    [InlineArray(HashLength + SignatureLength)]
    private struct Payload
    {
        private byte _element0;
    }
}
