namespace Nectar.Chain.Validation;

/// <summary>Header limits shared by validation and production.</summary>
public static class HeaderRules
{
    /// <summary>The lowest gas limit a block may have.</summary>
    public const ulong MinGasLimit = 5_000;

    /// <summary>The highest gas limit a block may have: 2^63 - 1, as the EVM's gas is a signed 64-bit count.</summary>
    public const ulong MaxGasLimit = long.MaxValue;

    /// <summary>A block's gas limit moves by less than the parent's gas limit divided by this.</summary>
    public const ulong GasLimitBoundDivisor = 1024;

    /// <summary>The longest extra data a header may carry.</summary>
    public const int MaxExtraDataLength = 32;

    /// <summary>Whether a gas limit may follow the parent's: within the absolute bounds and moved by less than parent / 1024.</summary>
    /// <param name="parentGasLimit">The parent's gas limit (doubled at the London transition, where the target halves it).</param>
    /// <param name="gasLimit">The child's gas limit.</param>
    /// <returns><see langword="true"/> when the limit is allowed.</returns>
    public static bool IsGasLimitAllowed(ulong parentGasLimit, ulong gasLimit)
    {
        if (gasLimit < MinGasLimit || gasLimit > MaxGasLimit)
        {
            return false;
        }

        var change = gasLimit > parentGasLimit ? gasLimit - parentGasLimit : parentGasLimit - gasLimit;
        return change < parentGasLimit / GasLimitBoundDivisor;
    }
}
