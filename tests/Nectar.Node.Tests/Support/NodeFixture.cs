using Microsoft.Extensions.Logging;
using Nectar.Compliance.Devnet;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Keys;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;
using Nectar.Node.Configuration;

namespace Nectar.Node.Tests.Support;

/// <summary>Starts whole nodes in-process on loopback, with the devnet's keys and a log capture.</summary>
internal static class NodeFixture
{
    public static readonly IReadOnlyList<DevKey> Keys = DevnetChainSpec.DeriveAccounts();

    public static NodeOptions DevOptions(DatabaseKind database = DatabaseKind.Memory, string? dataDirectory = null) => new()
    {
        Database = database,
        DataDirectory = dataDirectory,
        DevMode = true,
        Rpc = { Port = 0 },
        Sequencer = { Window = TimeSpan.FromMilliseconds(5), Heartbeat = TimeSpan.Zero },
        Logging = { Level = LogLevel.Debug },
    };

    public static async Task<(NectarNode Node, CapturingLoggerProvider Logs, ILoggerFactory Factory)> StartAsync(NodeOptions options)
    {
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var node = await NectarNode.StartAsync(options, factory);
        return (node, logs, factory);
    }

    /// <summary>A signed EIP-1559 value transfer, as raw transaction hex.</summary>
    public static string SignTransfer(DevKey from, Address to, ulong nonce, UInt256 value, ulong chainId) =>
        SignCall(from, to, [], nonce, chainId, value, gas: 21_000);

    /// <summary>A signed EIP-1559 call with calldata, as raw transaction hex.</summary>
    public static string SignCall(DevKey from, Address to, byte[] data, ulong nonce, ulong chainId, UInt256 value = default, ulong gas = 300_000)
    {
        using var secp256k1 = new LibSecp256k1();
        var transaction = new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = new UInt256(chainId),
            Nonce = nonce,
            MaxFeePerGas = new UInt256(10_000_000_000),
            MaxPriorityFeePerGas = new UInt256(1_000_000_000),
            GasLimit = gas,
            To = to,
            Value = value,
            Data = data,
        };
        var signed = new TransactionSigner(secp256k1).Sign(transaction, from.ExportPrivateKey());
        return Hex.ToHexString(TransactionCodec.Encode(signed));
    }
}
