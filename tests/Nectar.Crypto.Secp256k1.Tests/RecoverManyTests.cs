namespace Nectar.Crypto.Secp256k1.Tests;

public sealed class RecoverManyTests(SharedSecp256k1 shared) : IClassFixture<SharedSecp256k1>
{
    private readonly ISecp256k1 _secp = shared.Library;

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(500)]
    [InlineData(1001)]
    public void Batch_recovery_equals_one_by_one_recovery(int count)
    {
        var requests = Requests(count, seed: count);
        var keys = new byte[count * 64];
        var flags = new bool[count];
        var recoveredCount = _secp.RecoverMany(requests, keys, flags);

        var expectedCount = 0;
        for (var i = 0; i < count; i++)
        {
            var expected = new byte[64];
            var ok = _secp.TryRecover(requests[i].MessageHash, requests[i].Signature, requests[i].RecoveryId, expected);
            expectedCount += ok ? 1 : 0;
            Assert.Equal(ok, flags[i]);
            Assert.Equal(expected, keys.AsSpan(i * 64, 64).ToArray());
        }

        Assert.Equal(expectedCount, recoveredCount);
    }

    [Fact]
    public void Batch_recovers_the_signers_and_flags_the_invalid_requests()
    {
        var requests = Requests(300, seed: 81, out var signers);
        var keys = new byte[300 * 64];
        var flags = new bool[300];
        var recovered = _secp.RecoverMany(requests, keys, flags);

        for (var i = 0; i < requests.Length; i++)
        {
            if (signers[i] is { } signer)
            {
                Assert.True(flags[i]);
                Assert.Equal(signer, keys.AsSpan(i * 64, 64).ToArray());
            }
            else
            {
                Assert.False(flags[i]);
                Assert.All(keys.AsSpan(i * 64, 64).ToArray(), b => Assert.Equal(0, b));
            }
        }

        Assert.Equal(signers.Count(s => s is not null), recovered);
        Assert.InRange(recovered, 1, 299);
    }

    [Fact]
    public void Empty_batch_recovers_nothing()
    {
        Assert.Equal(0, _secp.RecoverMany([], [], []));
    }

    [Fact]
    public void Mismatched_output_sizes_are_a_programming_error()
    {
        var requests = Requests(3, seed: 1);
        Assert.Throws<ArgumentException>(() => _secp.RecoverMany(requests, new byte[3 * 64 - 1], new bool[3]));
        Assert.Throws<ArgumentException>(() => _secp.RecoverMany(requests, new byte[3 * 64], new bool[2]));
    }

    private RecoveryRequest[] Requests(int count, int seed) => Requests(count, seed, out _);

    /// <summary>Valid signatures (a few with high s), with every seventh request corrupted in a different way.</summary>
    private RecoveryRequest[] Requests(int count, int seed, out byte[]?[] signers)
    {
        var random = new Random(seed);
        var requests = new RecoveryRequest[count];
        signers = new byte[]?[count];
        for (var i = 0; i < count; i++)
        {
            var key = Keys.RandomBytes(random, 32);
            var hash = Keys.RandomBytes(random, 32);
            var signature = new byte[64];
            Assert.True(_secp.TrySign(hash, key, signature, out var recoveryId));
            var publicKey = new byte[64];
            Assert.True(_secp.TryGetPublicKey(key, publicKey));
            signers[i] = publicKey;

            if (i % 5 == 3)
            {
                (signature, recoveryId) = Keys.HighS(signature, recoveryId);
            }

            if (i % 7 == 6)
            {
                signers[i] = null;
                switch (i % 3)
                {
                    case 0:
                        recoveryId = 4;
                        break;
                    case 1:
                        Array.Clear(signature, 0, 32);
                        break;
                    default:
                        Keys.Scalar(Keys.N).CopyTo(signature, 32);
                        break;
                }
            }

            requests[i] = new RecoveryRequest(hash, signature, recoveryId);
        }

        return requests;
    }
}
