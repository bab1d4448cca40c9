using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Eth;

public sealed partial class EthRpcModule
{
    /// <inheritdoc />
    public UInt256 GetBalance(Address address, RpcCallContext context, BlockParameter block = default)
    {
        var caller = Caller(context);
        var state = StateAt(RequireHeader(block));
        return _authorizer.CanSeeAccount(caller, address) && state.TryGetAccount(address, out var account) ? account.Balance : UInt256.Zero;
    }

    /// <inheritdoc />
    public ulong GetTransactionCount(Address address, RpcCallContext context, BlockParameter block = default)
    {
        var caller = Caller(context);
        var state = StateAt(RequireHeader(block));
        if (!_authorizer.CanSeeAccount(caller, address))
        {
            return 0;
        }

        if (block.Kind == BlockParameterKind.Pending && _pool.TryGetPendingNonce(address, out var pending))
        {
            return pending;
        }

        return state.TryGetAccount(address, out var account) ? account.Nonce : 0;
    }

    /// <inheritdoc />
    public byte[] GetCode(Address address, RpcCallContext context, BlockParameter block = default)
    {
        var caller = Caller(context);
        var state = StateAt(RequireHeader(block));
        return _authorizer.CanSeeCode(caller, address) && state.TryGetAccount(address, out var account) && account.HasCode
            ? state.GetCode(account.CodeHash) ?? []
            : [];
    }

    /// <inheritdoc />
    public Hash256 GetStorageAt(Address address, string slot, RpcCallContext context, BlockParameter block = default)
    {
        var caller = Caller(context);
        var key = StorageKey.Parse(slot, out _);
        var state = StateAt(RequireHeader(block));
        if (!_authorizer.CanReadRawState(caller))
        {
            return Hash256.Zero;
        }

        Span<byte> value = stackalloc byte[32];
        state.GetStorage(address, key).ToBigEndian(value);
        return new Hash256(value);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A caller who may not read raw state gets go-ethereum's answer for an unknown block, whatever the account: a
    /// proof cannot be faked for an account that exists, and the same error for every account reveals nothing.
    /// </remarks>
    public ProofResponse GetProof(Address address, IReadOnlyList<string> storageKeys, RpcCallContext context, BlockParameter block = default)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        var caller = Caller(context);
        if (storageKeys.Count > _options.MaxProofKeys)
        {
            throw RpcException.InvalidParams("storageKeys", $"at most {_options.MaxProofKeys} keys");
        }

        var keys = new UInt256[storageKeys.Count];
        var full = new bool[storageKeys.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = StorageKey.Parse(storageKeys[i], out full[i]);
        }

        if (!_authorizer.CanReadRawState(caller))
        {
            throw new RpcException(RpcErrorCodes.ServerError, EthErrors.HeaderNotFound);
        }

        var header = RequireHeader(block);
        var state = StateAt(header);
        var proof = _chain.GetProof(header.Number, address, keys)
            ?? throw new RpcException(RpcErrorCodes.ServerError, EthErrors.StateUnavailable(header.Number));
        var exists = state.TryGetAccount(address, out var account);
        var slots = new StorageProofEntry[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            slots[i] = new StorageProofEntry
            {
                Key = full[i] ? Hex.ToHexString(keys[i].ToBigEndian()) : keys[i].ToHexQuantity(),
                Value = state.GetStorage(address, keys[i]),
                Proof = proof.StorageProofs[i],
            };
        }

        return new ProofResponse
        {
            Address = address,
            AccountProof = proof.AccountProof,
            Balance = exists ? account.Balance : UInt256.Zero,
            CodeHash = exists ? account.CodeHash : Keccak256.OfEmpty,
            Nonce = exists ? account.Nonce : 0,
            StorageHash = exists ? account.StorageRoot : Hash256.EmptyTrieRoot,
            StorageProof = slots,
        };
    }
}
