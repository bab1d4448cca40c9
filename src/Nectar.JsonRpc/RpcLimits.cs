namespace Nectar.JsonRpc;

/// <summary>Limits applied to every request before any method runs; the defaults suit a public-facing node.</summary>
public sealed class RpcLimits
{
    /// <summary>The largest request payload in bytes (default 5 MiB: a blob transaction's hex fits).</summary>
    public int MaxRequestBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The most requests in one batch (default 1,000).</summary>
    public int MaxBatchLength { get; init; } = 1_000;

    /// <summary>The deepest nesting of arrays and objects (default 32; log filters need about 5).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>The longest string or property name in bytes as sent (default 4 MiB).</summary>
    public int MaxStringLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>The longest request <c>id</c> in bytes as sent (default 128).</summary>
    public int MaxIdLength { get; init; } = 128;

    /// <summary>The longest number token in bytes (default 100): huge numbers are refused before any conversion.</summary>
    public int MaxNumberLength { get; init; } = 100;

    /// <summary>
    /// The largest response in bytes (default 25 MiB). A single answer beyond it is replaced by a limit-exceeded error;
    /// in a batch, the requests after the response passed it are answered with that error without running.
    /// </summary>
    public int MaxResponseBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static RpcLimits Default { get; } = new();

    /// <summary>Lists what is wrong with these limits.</summary>
    /// <returns>One message per invalid setting; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxRequestBytes < 64)
        {
            errors.Add($"{nameof(MaxRequestBytes)} must be at least 64, got {MaxRequestBytes}.");
        }

        if (MaxBatchLength < 1)
        {
            errors.Add($"{nameof(MaxBatchLength)} must be at least 1, got {MaxBatchLength}.");
        }

        if (MaxDepth is < 4 or > 256)
        {
            errors.Add($"{nameof(MaxDepth)} must be between 4 and 256, got {MaxDepth}.");
        }

        if (MaxStringLength < 128)
        {
            errors.Add($"{nameof(MaxStringLength)} must be at least 128, got {MaxStringLength}.");
        }

        if (MaxIdLength is < 8 or > 4096)
        {
            errors.Add($"{nameof(MaxIdLength)} must be between 8 and 4096, got {MaxIdLength}.");
        }

        if (MaxNumberLength is < 20 or > 4096)
        {
            errors.Add($"{nameof(MaxNumberLength)} must be between 20 and 4096, got {MaxNumberLength}.");
        }

        if (MaxResponseBytes < 1024)
        {
            errors.Add($"{nameof(MaxResponseBytes)} must be at least 1024, got {MaxResponseBytes}.");
        }

        return errors;
    }
}
