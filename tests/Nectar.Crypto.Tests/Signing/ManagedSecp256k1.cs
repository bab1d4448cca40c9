using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Nectar.Crypto.Tests.Signing;

/// <summary>
/// <see cref="ISecp256k1"/> over BouncyCastle's generic elliptic-curve code: slow, but independent of the native
/// library, so the signing code is tested against a second implementation. RFC 6979 nonces, low s.
/// </summary>
internal sealed class ManagedSecp256k1 : ISecp256k1
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = SecNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    public static ManagedSecp256k1 Instance { get; } = new();

    public bool TryRecover(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signatureRS64, int recoveryId, Span<byte> publicKey64)
    {
        publicKey64[..64].Clear();
        if (messageHash32.Length != 32 || signatureRS64.Length != 64 || recoveryId is < 0 or > 3)
        {
            return false;
        }

        var r = new BigInteger(1, signatureRS64[..32].ToArray());
        var s = new BigInteger(1, signatureRS64[32..].ToArray());
        if (r.SignValue == 0 || s.SignValue == 0 || r.CompareTo(Curve.N) >= 0 || s.CompareTo(Curve.N) >= 0)
        {
            return false;
        }

        // The point R whose x is r (plus n for ids 2 and 3) and whose y has the id's parity.
        var x = r.Add(Curve.N.Multiply(BigInteger.ValueOf(recoveryId / 2)));
        if (x.CompareTo(Curve.Curve.Field.Characteristic) >= 0)
        {
            return false;
        }

        ECPoint point;
        try
        {
            var compressed = new byte[33];
            compressed[0] = (byte)(0x02 + (recoveryId & 1));
            var xBytes = x.ToByteArrayUnsigned();
            xBytes.CopyTo(compressed, 33 - xBytes.Length);
            point = Curve.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return false;
        }

        // Q = r^-1 (s R - e G).
        var e = new BigInteger(1, messageHash32.ToArray());
        var rInverse = r.ModInverse(Curve.N);
        var minusE = e.Negate().Mod(Curve.N);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, rInverse.Multiply(minusE).Mod(Curve.N), point, rInverse.Multiply(s).Mod(Curve.N)).Normalize();
        if (q.IsInfinity)
        {
            return false;
        }

        q.GetEncoded(false).AsSpan(1).CopyTo(publicKey64);
        return true;
    }

    public int RecoverMany(ReadOnlySpan<RecoveryRequest> requests, Span<byte> publicKeys64, Span<bool> recovered)
    {
        var count = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            recovered[i] = TryRecover(requests[i].MessageHash, requests[i].Signature, requests[i].RecoveryId, publicKeys64.Slice(i * 64, 64));
            count += recovered[i] ? 1 : 0;
        }

        return count;
    }

    public bool TrySign(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> privateKey32, Span<byte> signatureRS64, out int recoveryId)
    {
        recoveryId = 0;
        if (messageHash32.Length != 32 || signatureRS64.Length < 64 || !IsValidPrivateKey(privateKey32))
        {
            return false;
        }

        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey32.ToArray()), Domain));
        var rs = signer.GenerateSignature(messageHash32.ToArray());
        var s = rs[1].CompareTo(HalfN) > 0 ? Curve.N.Subtract(rs[1]) : rs[1];
        Write(rs[0], signatureRS64[..32]);
        Write(s, signatureRS64[32..64]);

        Span<byte> expected = stackalloc byte[64];
        TryGetPublicKey(privateKey32, expected);
        Span<byte> candidate = stackalloc byte[64];
        for (var id = 0; id < 4; id++)
        {
            if (TryRecover(messageHash32, signatureRS64[..64], id, candidate) && candidate.SequenceEqual(expected))
            {
                recoveryId = id;
                return true;
            }
        }

        return false;
    }

    public bool TryGetPublicKey(ReadOnlySpan<byte> privateKey32, Span<byte> publicKey64)
    {
        if (!IsValidPrivateKey(privateKey32) || publicKey64.Length < 64)
        {
            return false;
        }

        var point = Curve.G.Multiply(new BigInteger(1, privateKey32.ToArray())).Normalize();
        point.GetEncoded(false).AsSpan(1).CopyTo(publicKey64);
        return true;
    }

    public bool Verify(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signatureRS64, ReadOnlySpan<byte> publicKey64)
    {
        if (messageHash32.Length != 32 || signatureRS64.Length != 64 || publicKey64.Length != 64)
        {
            return false;
        }

        var point = Curve.Curve.DecodePoint([0x04, .. publicKey64]);
        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(point, Domain));
        return verifier.VerifySignature(messageHash32.ToArray(), new BigInteger(1, signatureRS64[..32].ToArray()), new BigInteger(1, signatureRS64[32..].ToArray()));
    }

    public bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32) => Secp256k1Curve.IsInScalarRange(privateKey32);

    private static void Write(BigInteger value, Span<byte> destination32)
    {
        destination32.Clear();
        var bytes = value.ToByteArrayUnsigned();
        bytes.CopyTo(destination32[(32 - bytes.Length)..]);
    }
}
