using Nectar.Db.Memory;

namespace Nectar.Db.Tests;

public sealed class MemoryTreeTests
{
    [Fact]
    public void Tree_stays_balanced_and_ordered_through_random_inserts_and_removals()
    {
        var random = new Random(1234);
        MemoryNode? root = null;
        var model = new SortedSet<int>();
        for (var i = 0; i < 20_000; i++)
        {
            var k = random.Next(4_000);
            var key = BitConverter.GetBytes(k);
            Array.Reverse(key);
            if (random.Next(3) == 0)
            {
                root = MemoryTree.Remove(root, key);
                model.Remove(k);
            }
            else
            {
                root = MemoryTree.Set(root, key, key);
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
    public void Older_roots_are_unchanged_by_later_writes()
    {
        var v1 = MemoryTree.Set(null, [1], [1]);
        var v2 = MemoryTree.Set(v1, [2], [2]);
        var v3 = MemoryTree.Remove(v2, [1]);
        Assert.NotNull(MemoryTree.Find(v2, [1]));
        Assert.Null(MemoryTree.Find(v1, [2]));
        Assert.Null(MemoryTree.Find(v3, [1]));
        Assert.Same(v3, MemoryTree.Remove(v3, [9]));
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
