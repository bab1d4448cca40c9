namespace Nectar.State;

/// <summary>The database columns the <see cref="StateStore"/> uses; a node opens its database with all of them.</summary>
public static class StateColumns
{
    /// <summary>Flat accounts: address (20 bytes) to the account's RLP.</summary>
    public const string Accounts = "state-accounts";

    /// <summary>Flat storage: address and big-endian slot (52 bytes) to the value without leading zeros.</summary>
    public const string Storage = "state-storage";

    /// <summary>Code by its Keccak-256 hash.</summary>
    public const string Code = "state-code";

    /// <summary>Trie nodes of the account trie and every storage trie, by node hash.</summary>
    public const string TrieNodes = "state-trie-nodes";

    /// <summary>Reverse diffs by big-endian block number: the previous values of every flat entry a block changed.</summary>
    public const string History = "state-history";

    /// <summary>The head: the latest committed block number and state root.</summary>
    public const string Meta = "state-meta";

    /// <summary>Every column, for <c>DatabaseOptions.Columns</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [Accounts, Storage, Code, TrieNodes, History, Meta];
}
