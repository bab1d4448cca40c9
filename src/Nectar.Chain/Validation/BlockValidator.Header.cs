using Nectar.Core.Blocks;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Chain.Execution;

namespace Nectar.Chain.Validation;

public sealed partial class BlockValidator
{
    /// <summary>
    /// The header rules that need only the parent: number, parent hash, timestamp, gas limit and gas used, extra data,
    /// the fork's fields, base fee, blob gas, and the Merge's empty difficulty, nonce and ommers hash.
    /// </summary>
    /// <param name="header">The header.</param>
    /// <param name="parent">The parent's header.</param>
    /// <param name="spec">The block's fork rules.</param>
    /// <returns>Valid, or the first rule broken.</returns>
    public static BlockValidationResult ValidateHeader(BlockHeader header, BlockHeader parent, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(spec);

        if (header.ParentHash != parent.Hash)
        {
            return Invalid(BlockError.ParentHashMismatch, $"Parent hash {header.ParentHash} is not the parent's hash {parent.Hash}.");
        }

        if (header.Number != parent.Number + 1)
        {
            return Invalid(BlockError.InvalidNumber, $"Number {header.Number} does not follow the parent's {parent.Number}.");
        }

        if (header.Timestamp <= parent.Timestamp)
        {
            return Invalid(BlockError.TimestampNotAfterParent, $"Timestamp {header.Timestamp} is not after the parent's {parent.Timestamp}.");
        }

        if (!BlockHeaderCodec.HasFieldsOf(header, spec))
        {
            return Invalid(BlockError.InvalidHeaderFields, DescribeFieldMismatch(header, spec));
        }

        var gasLimit = ValidateGasLimit(header, parent, spec);
        if (!gasLimit.IsValid)
        {
            return gasLimit;
        }

        if (header.GasUsed > header.GasLimit)
        {
            return Invalid(BlockError.GasUsedAboveGasLimit, $"Gas used {header.GasUsed} exceeds the gas limit {header.GasLimit}.");
        }

        if (header.ExtraData.Length > HeaderRules.MaxExtraDataLength)
        {
            return Invalid(BlockError.ExtraDataTooLong, $"Extra data has {header.ExtraData.Length} bytes; at most {HeaderRules.MaxExtraDataLength} are allowed.");
        }

        if (BaseFee.Next(parent, spec) is { } baseFee && header.BaseFeePerGas != baseFee)
        {
            return Invalid(BlockError.InvalidBaseFee, $"Base fee {header.BaseFeePerGas} is not {baseFee}, the EIP-1559 successor of the parent's.");
        }

        var blobGas = ValidateBlobGas(header, parent, spec);
        if (!blobGas.IsValid)
        {
            return blobGas;
        }

        if (spec.IsEip4399Enabled)
        {
            if (!header.Difficulty.IsZero)
            {
                return Invalid(BlockError.NonZeroDifficulty, $"Difficulty is {header.Difficulty}; it is zero after the Merge.");
            }

            if (header.Nonce != 0)
            {
                return Invalid(BlockError.NonZeroNonce, $"Nonce is {header.Nonce}; it is zero after the Merge.");
            }

            if (header.OmmersHash != Hash256.EmptyListHash)
            {
                return Invalid(BlockError.InvalidOmmers, $"Ommers hash is {header.OmmersHash}; after the Merge it is the empty list's hash.");
            }
        }

        return BlockValidationResult.Valid();
    }

    /// <summary>
    /// The body against the header, before executing anything: the ommers (none after the Merge, and matching the
    /// ommers hash), the withdrawals' presence per fork and their root, and the transactions root.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="spec">The block's fork rules.</param>
    /// <returns>Valid, or the first rule broken.</returns>
    public static BlockValidationResult ValidateBody(Block block, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(spec);
        var header = block.Header;

        if (spec.IsEip4399Enabled && block.Ommers.Length > 0)
        {
            return Invalid(BlockError.InvalidOmmers, $"The body has {block.Ommers.Length} ommers; blocks after the Merge have none.");
        }

        var ommersHash = OmmersHash(block);
        if (ommersHash != header.OmmersHash)
        {
            return Invalid(BlockError.InvalidOmmers, $"Ommers hash {header.OmmersHash} does not match the body's ommers ({ommersHash}).");
        }

        if (block.Withdrawals.HasValue != spec.IsEip4895Enabled)
        {
            return Invalid(
                BlockError.InvalidWithdrawalsPresence,
                spec.IsEip4895Enabled ? $"{spec.Name} blocks carry a withdrawals list; this one has none." : $"{spec.Name} blocks have no withdrawals list; this one has one.");
        }

        if (block.Withdrawals is { } withdrawals)
        {
            var root = BlockRoots.Withdrawals(withdrawals.AsSpan());
            if (header.WithdrawalsRoot != root)
            {
                return Invalid(BlockError.WithdrawalsRootMismatch, $"Withdrawals root {header.WithdrawalsRoot} does not match the body's withdrawals ({root}).");
            }
        }

        var transactionsRoot = BlockRoots.Transactions(block.Transactions.AsSpan());
        if (header.TransactionsRoot != transactionsRoot)
        {
            return Invalid(BlockError.TransactionsRootMismatch, $"Transactions root {header.TransactionsRoot} does not match the body's transactions ({transactionsRoot}).");
        }

        return BlockValidationResult.Valid();
    }

    /// <summary>Names the first optional field whose presence differs from what the fork defines.</summary>
    private static string DescribeFieldMismatch(BlockHeader header, ForkSpec spec)
    {
        ReadOnlySpan<(string Name, bool Present, bool Expected)> fields =
        [
            ("base fee", header.BaseFeePerGas.HasValue, spec.IsEip1559Enabled),
            ("withdrawals root", header.WithdrawalsRoot.HasValue, spec.IsEip4895Enabled),
            ("blob gas used", header.BlobGasUsed.HasValue, spec.IsEip4844Enabled),
            ("excess blob gas", header.ExcessBlobGas.HasValue, spec.IsEip4844Enabled),
            ("parent beacon block root", header.ParentBeaconBlockRoot.HasValue, spec.IsEip4788Enabled),
            ("requests hash", header.RequestsHash.HasValue, spec.IsEip7685Enabled),
        ];
        foreach (var (name, present, expected) in fields)
        {
            if (present != expected)
            {
                return expected ? $"{spec.Name} headers carry the {name}; this one lacks it." : $"{spec.Name} headers carry no {name}; this one has it.";
            }
        }

        return $"The header's fields do not match {spec.Name}.";
    }

    private static BlockValidationResult ValidateGasLimit(BlockHeader header, BlockHeader parent, ForkSpec spec)
    {
        if (header.GasLimit < HeaderRules.MinGasLimit)
        {
            return Invalid(BlockError.GasLimitTooLow, $"Gas limit {header.GasLimit} is below the minimum {HeaderRules.MinGasLimit}.");
        }

        if (header.GasLimit > HeaderRules.MaxGasLimit)
        {
            return Invalid(BlockError.GasLimitTooHigh, $"Gas limit {header.GasLimit} is above the maximum {HeaderRules.MaxGasLimit}.");
        }

        // At the London transition the target becomes half the limit, so the limit may double at once.
        var parentGasLimit = spec.IsEip1559Enabled && parent.BaseFeePerGas is null ? parent.GasLimit * BaseFee.ElasticityMultiplier : parent.GasLimit;
        if (!HeaderRules.IsGasLimitAllowed(parentGasLimit, header.GasLimit))
        {
            return Invalid(
                BlockError.GasLimitChangeTooLarge,
                $"Gas limit {header.GasLimit} moves by {parentGasLimit / HeaderRules.GasLimitBoundDivisor} or more from the parent's {parentGasLimit}.");
        }

        return BlockValidationResult.Valid();
    }

    private static BlockValidationResult ValidateBlobGas(BlockHeader header, BlockHeader parent, ForkSpec spec)
    {
        if (!spec.IsEip4844Enabled)
        {
            return BlockValidationResult.Valid();
        }

        var used = header.BlobGasUsed.GetValueOrDefault();
        if (used > BlobGas.MaxPerBlock(spec) || used % BlobGas.GasPerBlob != 0)
        {
            return Invalid(BlockError.InvalidBlobGasUsed, $"Blob gas used {used} is above {BlobGas.MaxPerBlock(spec)} or not a multiple of {BlobGas.GasPerBlob}.");
        }

        var excess = BlobGas.NextExcess(parent, spec);
        if (header.ExcessBlobGas != excess)
        {
            return Invalid(BlockError.InvalidExcessBlobGas, $"Excess blob gas {header.ExcessBlobGas} is not {excess}, the EIP-4844 successor of the parent's.");
        }

        return BlockValidationResult.Valid();
    }

    private static Hash256 OmmersHash(Block block)
    {
        if (block.Ommers.Length == 0)
        {
            return Hash256.EmptyListHash;
        }

        using var builder = new Core.Encoding.RlpBuilder();
        builder.StartList();
        foreach (var ommer in block.Ommers)
        {
            builder.WriteEncoded(BlockHeaderCodec.Encode(ommer));
        }

        builder.EndList();
        return Keccak256.Compute(builder.ToArray());
    }

    private static BlockValidationResult Invalid(BlockError error, string message) => BlockValidationResult.Invalid(error, message);
}
