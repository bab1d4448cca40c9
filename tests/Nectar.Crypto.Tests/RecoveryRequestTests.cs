using System.Runtime.CompilerServices;

namespace Nectar.Crypto.Tests;

public sealed class RecoveryRequestTests
{
    [Fact]
    public void Keeps_hash_signature_and_recovery_id_inline()
    {
        var hash = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var signature = Enumerable.Range(100, 64).Select(i => (byte)i).ToArray();
        var request = new RecoveryRequest(hash, signature, 1);

        Assert.Equal(hash, request.MessageHash.ToArray());
        Assert.Equal(signature, request.Signature.ToArray());
        Assert.Equal(1, request.RecoveryId);
        Assert.Equal(100, Unsafe.SizeOf<RecoveryRequest>());
    }

    [Fact]
    public void Rejects_spans_of_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => new RecoveryRequest(new byte[31], new byte[64], 0));
        Assert.Throws<ArgumentException>(() => new RecoveryRequest(new byte[32], new byte[65], 0));
    }
}
