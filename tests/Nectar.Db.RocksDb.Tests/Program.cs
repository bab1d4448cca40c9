using System.Buffers.Binary;

namespace Nectar.Db.RocksDb.Tests;

/// <summary>
/// Entry point when this assembly runs as a child process of the tests (the test host never calls it):
/// <c>hold-open PATH</c> opens the database and keeps it open; <c>write-until-killed PATH</c> commits
/// numbered non-synced batches and reports each one. Both exit (closing the database) when their
/// standard input closes, so a child never outlives its parent.
/// </summary>
internal static class Program
{
    public const string Ready = "ready";

    // The writer stops after this many batches and waits, so a child nobody kills stays bounded.
    private const int MaxBatches = 100_000;

    public static readonly string[] Columns = ["blocks", "receipts"];

    public static readonly byte[] HeadKey = "head"u8.ToArray();

    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: hold-open PATH | write-until-killed PATH");
            return 2;
        }

        using var database = RocksDbDatabase.Open(new DatabaseOptions { Path = args[1], Columns = Columns });
        switch (args[0])
        {
            case "hold-open":
                Console.Out.WriteLine(Ready);
                Console.Out.Flush();
                break;
            case "write-until-killed":
                WriteBatches(database);
                break;
            default:
                Console.Error.WriteLine("unknown mode " + args[0]);
                return 2;
        }

        while (Console.In.ReadLine() is not null)
        {
        }

        return 0;
    }

    /// <summary>Batch n puts key n in both columns and sets the head of both to n, all in one batch.</summary>
    public static void WriteBatch(IDatabase database, IWriteBatch batch, long n)
    {
        var key = BatchKey(n);
        var value = new byte[1024];
        BinaryPrimitives.WriteInt64BigEndian(value, n);
        batch.Put(database.GetColumn("blocks"), key, value);
        batch.Put(database.GetColumn("receipts"), key, value);
        batch.Put(database.GetColumn("blocks"), HeadKey, value.AsSpan(0, 8));
        batch.Put(database.GetColumn("receipts"), HeadKey, value.AsSpan(0, 8));
    }

    public static byte[] BatchKey(long n)
    {
        var key = new byte[9];
        key[0] = (byte)'k';
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(1), n);
        return key;
    }

    private static void WriteBatches(IDatabase database)
    {
        using var batch = database.CreateWriteBatch();
        for (long n = 0; n < MaxBatches; n++)
        {
            WriteBatch(database, batch, n);
            batch.Commit(WriteDurability.Buffered);
            Console.Out.WriteLine(n);
            Console.Out.Flush();
        }
    }
}
