using Nectar.Chain.Execution;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Tests.Execution;

public sealed class AncestorHashesTests
{
    [Fact]
    public void Walks_parent_links_and_looks_each_header_up_once()
    {
        var headers = new CountingHeaders(Chain(5));
        var hashes = new AncestorHashes(headers.Last, headers);

        Assert.Equal(headers.ByNumber[4].Hash, hashes.GetBlockHash(4));
        Assert.Equal(headers.ByNumber[1].Hash, hashes.GetBlockHash(1));
        Assert.Equal(headers.ByNumber[0].Hash, hashes.GetBlockHash(0));
        Assert.Equal(headers.ByNumber[2].Hash, hashes.GetBlockHash(2));
        Assert.Equal(4, headers.Lookups);
    }

    [Fact]
    public void Unknown_and_future_blocks_read_as_zero()
    {
        var all = Chain(4);
        var headers = new CountingHeaders(all[2..]);
        var hashes = new AncestorHashes(headers.Last, headers);

        Assert.Equal(Hash256.Zero, hashes.GetBlockHash(4));
        Assert.Equal(Hash256.Zero, hashes.GetBlockHash(1));
        Assert.Equal(all[2].Hash, hashes.GetBlockHash(2));
    }

    private static BlockHeader[] Chain(int count)
    {
        var headers = new BlockHeader[count];
        var parent = Hash256.Zero;
        for (var i = 0; i < count; i++)
        {
            headers[i] = new BlockHeader { ParentHash = parent, Number = (ulong)i, Timestamp = (ulong)i };
            parent = headers[i].Hash;
        }

        return headers;
    }

    private sealed class CountingHeaders(BlockHeader[] headers) : IHeaderSource
    {
        public Dictionary<ulong, BlockHeader> ByNumber { get; } = headers.ToDictionary(h => h.Number);

        public BlockHeader Last { get; } = headers[^1];

        public int Lookups { get; private set; }

        public BlockHeader? FindHeader(in Hash256 hash)
        {
            Lookups++;
            foreach (var header in ByNumber.Values)
            {
                if (header.Hash == hash)
                {
                    return header;
                }
            }

            return null;
        }
    }
}
