namespace Nectar.Conformance.Blockchain;

/// <summary>One block of a blockchain test: its RLP and, for a block that must be rejected, the expected exception.</summary>
public sealed record BlockchainTestBlock
{
    /// <summary>The block's RLP.</summary>
    public required byte[] Rlp { get; init; }

    /// <summary>The exception the fixture expects (the block is invalid), or <see langword="null"/> for a valid block.</summary>
    public string? ExpectException { get; init; }
}
