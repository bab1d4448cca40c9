using System.Globalization;
using System.Text;
using Nectar.Contracts;
using Nectar.Contracts.Abi;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Benchmarks.Load.Workload;

/// <summary>
/// Every ERC-20 transfer of a run, signed before any measurement: for each sender, nonces 0 to
/// <see cref="PerSender"/> - 1, each a complete <c>eth_sendRawTransaction</c> request body (its JSON-RPC id is the
/// nonce, so the answers of a sender's batch can be matched), with its transaction hash and an index from hash to
/// transfer. Transfer i of sender s has the global index s * PerSender + i.
/// </summary>
internal sealed class TransferSet
{
    private static readonly byte[] BodyStart = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":");
    private static readonly byte[] BodyMiddle = Encoding.UTF8.GetBytes(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"");
    private static readonly byte[] BodyEnd = Encoding.UTF8.GetBytes("\"]}");

    private readonly byte[][] _bodies;
    private readonly Hash256[] _hashes;
    private readonly Dictionary<Hash256, int> _index;

    private TransferSet(ulong chainId, Address token, int senders, int perSender, byte[][] bodies, Hash256[] hashes)
    {
        ChainId = chainId;
        Token = token;
        SenderCount = senders;
        PerSender = perSender;
        _bodies = bodies;
        _hashes = hashes;
        _index = new Dictionary<Hash256, int>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            _index.Add(hashes[i], i);
        }
    }

    /// <summary>The chain the transfers are signed for.</summary>
    public ulong ChainId { get; }

    /// <summary>The token contract they call.</summary>
    public Address Token { get; }

    /// <summary>How many senders.</summary>
    public int SenderCount { get; }

    /// <summary>Transfers per sender.</summary>
    public int PerSender { get; }

    /// <summary>Transfers in all.</summary>
    public int Count => _hashes.Length;

    /// <summary>Signs every transfer, the senders in parallel.</summary>
    /// <param name="scenario">Keys, recipients and fees.</param>
    /// <param name="chainId">The chain id.</param>
    /// <param name="token">The token contract.</param>
    /// <param name="perSender">Transfers per sender, nonces from 0.</param>
    /// <returns>The signed set.</returns>
    public static TransferSet Sign(LoadScenario scenario, ulong chainId, Address token, int perSender)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var senders = scenario.Senders.Length;
        var bodies = new byte[checked(senders * perSender)][];
        var hashes = new Hash256[bodies.Length];
        var transfer = ContractArtifacts.Erc20.Abi.GetFunction("transfer");
        var chain = new UInt256(chainId);
        Parallel.For(0, senders, sender =>
        {
            var key = scenario.KeyOf(sender).ToArray();
            for (var nonce = 0; nonce < perSender; nonce++)
            {
                var data = transfer.EncodeCall(
                    AbiValue.FromAddress(LoadScenario.Recipient(scenario.Seed, sender, (ulong)nonce)),
                    AbiValue.FromUInt(LoadScenario.TransferAmount));
                var unsigned = new Transaction
                {
                    Type = TransactionType.DynamicFee,
                    ChainId = chain,
                    Nonce = (ulong)nonce,
                    MaxPriorityFeePerGas = scenario.PriorityFeePerGas,
                    MaxFeePerGas = scenario.MaxFeePerGas,
                    GasLimit = LoadScenario.TransferGasLimit,
                    To = token,
                    Data = data,
                };
                var encoded = TransactionCodec.Encode(scenario.Signer.Sign(unsigned, key));
                var index = (sender * perSender) + nonce;
                // A typed transaction's hash is the Keccak of its envelope, exactly the bytes sent.
                hashes[index] = Keccak256.Compute(encoded);
                bodies[index] = RequestBody(nonce, encoded);
            }
        });
        return new TransferSet(chainId, token, senders, perSender, bodies, hashes);
    }

    /// <summary>The global index of a sender's transfer.</summary>
    /// <param name="sender">The sender's index.</param>
    /// <param name="nonce">The nonce.</param>
    /// <returns>The index.</returns>
    public int IndexOf(int sender, int nonce) => (sender * PerSender) + nonce;

    /// <summary>The sender of a transfer.</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The sender's index.</returns>
    public int SenderOf(int index) => index / PerSender;

    /// <summary>The nonce of a transfer.</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The nonce.</returns>
    public int NonceOf(int index) => index % PerSender;

    /// <summary>The <c>eth_sendRawTransaction</c> request of a transfer.</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The UTF-8 request body.</returns>
    public byte[] BodyOf(int index) => _bodies[index];

    /// <summary>The transaction hash of a transfer.</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The hash.</returns>
    public Hash256 HashOf(int index) => _hashes[index];

    /// <summary>Finds the transfer with a transaction hash.</summary>
    /// <param name="hash">The hash.</param>
    /// <param name="index">The global index.</param>
    /// <returns>Whether the hash is one of this set's.</returns>
    public bool TryFind(Hash256 hash, out int index) => _index.TryGetValue(hash, out index);

    /// <summary>The request body for one raw transaction, with the nonce as its id.</summary>
    /// <param name="id">The JSON-RPC id.</param>
    /// <param name="encoded">The signed transaction.</param>
    /// <returns>The UTF-8 body.</returns>
    public static byte[] RequestBody(int id, ReadOnlySpan<byte> encoded)
    {
        var idText = id.ToString(CultureInfo.InvariantCulture);
        var hexLength = Hex.GetEncodedLength(encoded.Length);
        var body = new byte[BodyStart.Length + idText.Length + BodyMiddle.Length + hexLength + BodyEnd.Length];
        var span = body.AsSpan();
        BodyStart.CopyTo(span);
        span = span[BodyStart.Length..];
        Encoding.ASCII.GetBytes(idText, span);
        span = span[idText.Length..];
        BodyMiddle.CopyTo(span);
        span = span[BodyMiddle.Length..];
        Hex.TryEncode(encoded, span, out var written);
        BodyEnd.CopyTo(span[written..]);
        return body;
    }
}
