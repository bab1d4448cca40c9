namespace Nectar.Crypto.Keystore;

/// <summary>
/// The cost of the scrypt key derivation that protects a keystore file: N (CPU and memory), r (block size) and p
/// (parallelism). Memory is 128 × N × r bytes; time grows with N × r × p.
/// </summary>
/// <param name="N">The CPU and memory cost, a power of two above one.</param>
/// <param name="R">The block size.</param>
/// <param name="P">The parallelism.</param>
public readonly record struct ScryptParameters(int N, int R, int P)
{
    /// <summary>
    /// The largest N a file may ask for: 2^22 (512 MiB at r = 1). A file is untrusted input, and unbounded
    /// parameters would let it exhaust memory.
    /// </summary>
    public const int MaxN = 1 << 22;

    /// <summary>The largest r a file may ask for.</summary>
    public const int MaxR = 32;

    /// <summary>The largest p a file may ask for.</summary>
    public const int MaxP = 16;

    /// <summary>The most memory a file may ask for, 128 × N × r: 1 GiB.</summary>
    public const long MaxMemoryBytes = 1L << 30;

    /// <summary>The standard cost go-ethereum and Foundry write (N = 2^18, r = 8, p = 1): 256 MiB and about a second.</summary>
    public static ScryptParameters Standard => new(1 << 18, 8, 1);

    /// <summary>go-ethereum's light cost (N = 2^12, r = 8, p = 6): 4 MiB; for development keys and tests only.</summary>
    public static ScryptParameters Light => new(1 << 12, 8, 6);

    /// <summary>Describes what is wrong with these parameters, or returns <see langword="null"/> when they are acceptable.</summary>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public string? Validate()
    {
        if (N <= 1 || (N & (N - 1)) != 0)
        {
            return $"scrypt n must be a power of two above 1, got {N}";
        }

        if (N > MaxN)
        {
            return $"scrypt n {N} exceeds the limit {MaxN}";
        }

        if (R is < 1 or > MaxR)
        {
            return $"scrypt r must lie between 1 and {MaxR}, got {R}";
        }

        if (P is < 1 or > MaxP)
        {
            return $"scrypt p must lie between 1 and {MaxP}, got {P}";
        }

        return 128L * N * R > MaxMemoryBytes ? $"scrypt n × r needs more than {MaxMemoryBytes >> 20} MiB" : null;
    }
}
