using Nectar.Db.Memory;

namespace Nectar.Db.Tests;

public sealed class MemoryTreeTests
{
    [Fact]
    public void Tree_stays_balanced_and_ordered_through_random_inserts_and_removals()
    {
        var random = new Random(1234);
        MemoryNode? root = null;
        var owner = new object();
        var model = new SortedSet<int>();
        for (var i = 0; i < 20_000; i++)
        {
            var k = random.Next(4_000);
            var key = BitConverter.GetBytes(k);
            Array.Reverse(key);

            // A new owner now and then: the tree must stay right whether nodes are shared or reused in place.
            if (i % 100 == 0)
            {
                owner = new object();
            }
            if (random.Next(3) == 0)
            {
                root = MemoryTree.Remove(root, key, owner);
                model.Remove(k);
            }
            else
            {
                root = MemoryTree.Set(root, key, key, owner);
                model.Add(k);
            }
        }

        Assert.Equal(model.Count, CheckAvl(root));
        var inOrder = new List<int>();
        using (var cursor = new MemoryCursor(root, [], null, ScanDirection.Forward))
        {
            while (cursor.MoveNext())
            {
                inOrder.Add((cursor.Key[0] << 24) | (cursor.Key[1] << 16) | (cursor.Key[2] << 8) | cursor.Key[3]);
            }
        }

        Assert.Equal(model, inOrder);
        var height = MemoryNode.HeightOf(root);
        Assert.True(height <= 1.45 * Math.Log2(model.Count + 2), $"height {height} for {model.Count} keys");
    }

    [Fact]
    public void Roots_of_earlier_owners_are_unchanged_by_later_writes()
    {
        var versions = new List<MemoryNode?> { null };
        for (var i = 0; i < 200; i++)
        {
            // Each version is built by its own owner from the previous one, as commits are.
            var owner = new object();
            var root = versions[^1];
            root = MemoryTree.Set(root, [(byte)i], [(byte)i], owner);
            root = MemoryTree.Set(root, [(byte)(i / 2)], [0xee], owner);
            root = MemoryTree.Remove(root, [(byte)(i / 3)], owner);
            versions.Add(root);
        }

        // Replaying the same steps on plain dictionaries gives what every version must still hold.
        var expected = new SortedDictionary<byte, byte>();
        for (var i = 0; i < 200; i++)
        {
            expected[(byte)i] = (byte)i;
            expected[(byte)(i / 2)] = 0xee;
            expected.Remove((byte)(i / 3));
            var seen = new List<KeyValuePair<byte, byte>>();
            using var cursor = new MemoryCursor(versions[i + 1], [], null, ScanDirection.Forward);
            while (cursor.MoveNext())
            {
                seen.Add(new(cursor.Key[0], cursor.Value[0]));
            }

            Assert.Equal(expected.ToList(), seen);
        }

        Assert.Same(versions[^1], MemoryTree.Remove(versions[^1], [0xfe], new object()));
    }

    [Fact]
    public void A_commit_reuses_the_nodes_it_created_and_copies_the_published_ones()
    {
        var owner = new object();
        var root = MemoryTree.Set(null, [1], [1], owner);
        Assert.Same(root, MemoryTree.Set(root, [1], [2], owner));
        Assert.NotSame(root, MemoryTree.Set(root, [1], [3], new object()));
    }

    private static int CheckAvl(MemoryNode? node)
    {
        if (node is null)
        {
            return 0;
        }

        Assert.True(Math.Abs(MemoryNode.HeightOf(node.Left) - MemoryNode.HeightOf(node.Right)) <= 1);
        Assert.Equal(1 + Math.Max(MemoryNode.HeightOf(node.Left), MemoryNode.HeightOf(node.Right)), node.Height);
        if (node.Left is not null)
        {
            Assert.True(node.Left.Key.AsSpan().SequenceCompareTo(node.Key) < 0);
        }

        if (node.Right is not null)
        {
            Assert.True(node.Right.Key.AsSpan().SequenceCompareTo(node.Key) > 0);
        }

        return 1 + CheckAvl(node.Left) + CheckAvl(node.Right);
    }
}
