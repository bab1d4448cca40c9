using System.Diagnostics;
using System.Globalization;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Targets;
using Nectar.Benchmarks.Load.Workload;
using Nectar.Contracts;
using Nectar.Contracts.Abi;
using Nectar.Contracts.Registry;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Crypto;

namespace Nectar.Benchmarks.Load.Setup;

/// <summary>
/// Prepares a node, outside any measurement: deploys the ERC-20 from account 0, admits the senders into account 0's
/// organization (Nectar only), funds each with ether and tokens, signs every transfer, signs each sender in (Nectar
/// only) and checks one sender's token balance through its own session.
/// </summary>
internal sealed class TargetSetup
{
    private const ulong DeployGasLimit = 3_000_000;
    private const ulong AdmitGasLimit = 200_000;
    private const ulong EtherTransferGasLimit = 21_000;
    private const ulong TokenTransferGasLimit = 80_000;
    private const int LoginConcurrency = 4;

    private static readonly UInt256 TokenSupply = UInt256.Parse("1000000000000000000000000000000");

    private readonly LoadOptions _options;
    private readonly LoadScenario _scenario;
    private readonly ISecp256k1 _secp256k1;
    private readonly TextWriter _log;
    private TransferSet? _lastSet;

    /// <summary>Creates the setup, shared by the targets of a run so that identical transfers are signed once.</summary>
    /// <param name="options">The options.</param>
    /// <param name="scenario">Keys, recipients and fees.</param>
    /// <param name="secp256k1">The curve.</param>
    /// <param name="log">Progress.</param>
    public TargetSetup(LoadOptions options, LoadScenario scenario, ISecp256k1 secp256k1, TextWriter log)
    {
        _options = options;
        _scenario = scenario;
        _secp256k1 = secp256k1;
        _log = log;
    }

    /// <summary>Prepares a node.</summary>
    /// <param name="endpoint">The node.</param>
    /// <param name="cancellationToken">Cancels the setup.</param>
    /// <returns>The prepared node; the caller owns its client.</returns>
    /// <exception cref="InvalidOperationException">A step failed; the message names it.</exception>
    public async Task<PreparedTarget> PrepareAsync(TargetEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var clock = Stopwatch.StartNew();
        var rpc = new JsonRpcHttpClient(endpoint.RpcUrl, _options.Connections, TimeSpan.FromSeconds(60));
        try
        {
            var chainId = Quantity.ToUInt64(await rpc.CallAsync("eth_chainId", endpoint.Admin.Token, null, cancellationToken).ConfigureAwait(false));
            if (chainId != endpoint.ChainId)
            {
                throw new InvalidOperationException($"{endpoint.Name} answers chain id {chainId}, but {endpoint.ChainId} was announced.");
            }

            var admin = new AdminSender(rpc, endpoint, _scenario.Signer, _scenario.MaxFeePerGas, _scenario.PriorityFeePerGas);
            var token = await DeployTokenAsync(admin, endpoint, cancellationToken).ConfigureAwait(false);
            if (endpoint.Kind == TargetKind.Nectar)
            {
                await AdmitSendersAsync(rpc, admin, endpoint, cancellationToken).ConfigureAwait(false);
            }

            await FundSendersAsync(rpc, admin, endpoint, token, cancellationToken).ConfigureAwait(false);
            var set = SignTransfers(endpoint.ChainId, token);
            var tokens = endpoint.Kind == TargetKind.Nectar
                ? await LoginSendersAsync(rpc, endpoint, cancellationToken).ConfigureAwait(false)
                : new string?[_scenario.Senders.Length];
            await CheckSenderBalanceAsync(rpc, token, tokens[0], cancellationToken).ConfigureAwait(false);
            _log.WriteLine($"[{endpoint.Name}] setup done in {clock.Elapsed.TotalSeconds:0.0} s");
            return new PreparedTarget(endpoint, rpc, token, new TransferLedger(set), tokens, clock.Elapsed.TotalSeconds);
        }
        catch
        {
            rpc.Dispose();
            throw;
        }
    }

    private async Task<Address> DeployTokenAsync(AdminSender admin, TargetEndpoint endpoint, CancellationToken cancellationToken)
    {
        var code = ContractArtifacts.Erc20.CreateDeploymentData(
            AbiValue.FromString("Nectar Load"), AbiValue.FromString("NLD"), AbiValue.FromUInt(TokenSupply));
        var receipts = await admin.SendAsync([new AdminCall(null, UInt256.Zero, code, DeployGasLimit)], "deploying the ERC-20", cancellationToken).ConfigureAwait(false);
        var token = Address.Parse(receipts[0].GetProperty("contractAddress").GetString());
        _log.WriteLine($"[{endpoint.Name}] ERC-20 deployed at {token}");
        return token;
    }

    private async Task AdmitSendersAsync(JsonRpcHttpClient rpc, AdminSender admin, TargetEndpoint endpoint, CancellationToken cancellationToken)
    {
        var registry = ContractArtifacts.AccountRegistry.Abi;
        var memberOf = registry.GetFunction("memberOf").EncodeCall(AbiValue.FromAddress(endpoint.Admin.Address));
        var answer = await rpc.CallAsync(
            "eth_call",
            endpoint.Admin.Token,
            w =>
            {
                w.WriteStartObject();
                w.WriteString("to", SystemContracts.AccountRegistry.ToString());
                w.WriteString("data", Core.Encoding.Hex.ToHexString(memberOf));
                w.WriteEndObject();
                w.WriteStringValue("latest");
            },
            cancellationToken).ConfigureAwait(false);
        // Member is a static tuple (orgId, roles, active, admittedAt): its first word is the organization id.
        var output = Core.Encoding.Hex.Decode(answer.GetString());
        var orgId = registry.GetFunction("memberOf").DecodeOutput(output)[0][0].ToUInt64();
        if (orgId == 0)
        {
            throw new InvalidOperationException("Account 0 belongs to no organization, so it cannot admit the senders.");
        }

        var admit = registry.GetFunction("admit");
        var calls = new List<AdminCall>(_scenario.Senders.Length);
        foreach (var sender in _scenario.Senders)
        {
            calls.Add(new AdminCall(
                SystemContracts.AccountRegistry,
                UInt256.Zero,
                admit.EncodeCall(AbiValue.FromAddress(sender), AbiValue.FromUInt(orgId), AbiValue.FromUInt((ulong)AccountRoles.User)),
                AdmitGasLimit));
        }

        await admin.SendAsync(calls, "admitting the senders", cancellationToken).ConfigureAwait(false);
        _log.WriteLine($"[{endpoint.Name}] {calls.Count} senders admitted into organization {orgId}");
    }

    private async Task FundSendersAsync(JsonRpcHttpClient rpc, AdminSender admin, TargetEndpoint endpoint, Address token, CancellationToken cancellationToken)
    {
        var perSender = _options.TransfersPerSender;
        // Enough for every transfer at the fee cap, which the pool's balance check asks for one transaction at a
        // time and no block can exceed; capped to what account 0 holds, since the actual cost (gas used times the
        // effective price) is far lower.
        var wanted = new UInt256((ulong)perSender) * new UInt256(LoadScenario.TransferGasLimit) * _scenario.MaxFeePerGas;
        var balance = Quantity.ToUInt256(await rpc.CallAsync(
            "eth_getBalance",
            endpoint.Admin.Token,
            w =>
            {
                w.WriteStringValue(endpoint.Admin.Address.ToString());
                w.WriteStringValue("latest");
            },
            cancellationToken).ConfigureAwait(false));
        var share = balance / new UInt256(10) * new UInt256(9) / new UInt256((ulong)_scenario.Senders.Length);
        var ether = wanted < share ? wanted : share;
        var minimum = new UInt256(LoadScenario.TransferGasLimit) * _scenario.MaxFeePerGas * new UInt256(4);
        if (ether < minimum)
        {
            throw new InvalidOperationException($"Account 0 holds {balance} wei, too little to fund {_scenario.Senders.Length} senders at this fee cap.");
        }

        var transfer = ContractArtifacts.Erc20.Abi.GetFunction("transfer");
        var calls = new List<AdminCall>(_scenario.Senders.Length * 2);
        foreach (var sender in _scenario.Senders)
        {
            calls.Add(new AdminCall(sender, ether, [], EtherTransferGasLimit));
            calls.Add(new AdminCall(
                token,
                UInt256.Zero,
                transfer.EncodeCall(AbiValue.FromAddress(sender), AbiValue.FromUInt((ulong)perSender)),
                TokenTransferGasLimit));
        }

        await admin.SendAsync(calls, "funding the senders", cancellationToken).ConfigureAwait(false);
        _log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{endpoint.Name}] {_scenario.Senders.Length} senders funded with {ether} wei and {perSender} token units each"));
    }

    private TransferSet SignTransfers(ulong chainId, Address token)
    {
        if (_lastSet is { } last && last.ChainId == chainId && last.Token == token)
        {
            _log.WriteLine("[setup] the token has the same address as on the previous target: reusing the signed transfers");
            return last;
        }

        _lastSet = null;
        var clock = Stopwatch.StartNew();
        var set = TransferSet.Sign(_scenario, chainId, token, _options.TransfersPerSender);
        _log.WriteLine($"[setup] {set.Count:N0} transfers signed in {clock.Elapsed.TotalSeconds:0.0} s ({set.PerSender} per sender)");
        _lastSet = set;
        return set;
    }

    private async Task<string?[]> LoginSendersAsync(JsonRpcHttpClient rpc, TargetEndpoint endpoint, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tokens = new string?[_scenario.Senders.Length];
        await Parallel.ForAsync(
            0,
            tokens.Length,
            new ParallelOptions { MaxDegreeOfParallelism = LoginConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => tokens[i] = await SiweLogin.LoginAsync(
                rpc, endpoint.ChainId, _secp256k1, _scenario.Senders[i], _scenario.KeyOf(i).ToArray(), ct).ConfigureAwait(false)).ConfigureAwait(false);
        _log.WriteLine($"[{endpoint.Name}] {tokens.Length} senders signed in (SIWE) in {clock.Elapsed.TotalSeconds:0.0} s");
        return tokens;
    }

    private async Task CheckSenderBalanceAsync(JsonRpcHttpClient rpc, Address token, string? senderToken, CancellationToken cancellationToken)
    {
        var call = ContractArtifacts.Erc20.Abi.GetFunction("balanceOf").EncodeCall(AbiValue.FromAddress(_scenario.Senders[0]));
        var answer = await rpc.CallAsync(
            "eth_call",
            senderToken,
            w =>
            {
                w.WriteStartObject();
                w.WriteString("from", _scenario.Senders[0].ToString());
                w.WriteString("to", token.ToString());
                w.WriteString("data", Core.Encoding.Hex.ToHexString(call));
                w.WriteEndObject();
                w.WriteStringValue("latest");
            },
            cancellationToken).ConfigureAwait(false);
        var balance = new UInt256(Core.Encoding.Hex.Decode(answer.GetString()));
        if (balance != new UInt256((ulong)_options.TransfersPerSender))
        {
            throw new InvalidOperationException($"Sender 0 holds {balance} token units; {_options.TransfersPerSender} were sent to it.");
        }
    }
}
