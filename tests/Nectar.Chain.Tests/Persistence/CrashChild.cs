using System.Globalization;
using Nectar.Chain.Persistence;
using Nectar.Chain.Tests.Persistence.Support;
using Nectar.Db;
using Nectar.Db.RocksDb;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Persistence;

/// <summary>
/// Entry point when this test assembly runs as a child process (the test host never calls it):
/// <c>produce-until-killed PATH</c> opens a chain store on RocksDB at PATH and stores blocks in a loop, writing
/// "number stateRoot" after each <see cref="ChainStore.CommitBlock(Nectar.Chain.Building.BuiltBlock)"/> returns. It
/// stops after a bounded number of blocks and exits when its standard input closes, so it never outlives its parent.
/// </summary>
internal static class CrashChild
{
    public const string Mode = "produce-until-killed";

    private const int MaxBlocks = 2_000;

    public static int Main(string[] args)
    {
        if (args is not [Mode, var path])
        {
            Console.Error.WriteLine($"usage: {Mode} PATH");
            return 2;
        }

        using (var database = RocksDbDatabase.Open(new DatabaseOptions { Path = path, Columns = ChainColumns.AllWithState }))
        {
            var store = StoreHarness.Open(database);
            for (var i = 0; i < MaxBlocks; i++)
            {
                // Nonces come from the stored state, so a restarted child goes on where the last one stopped.
                var state = store.GetHeadState();
                var alice = state.TryGetAccount(Alice, out var a) ? a.Nonce : 0;
                var bob = state.TryGetAccount(Bob, out var b) ? b.Nonce : 0;
                var block = StoreHarness.Produce(
                    store,
                    StoreHarness.Count(AliceKey, alice),
                    StoreHarness.Transfer(AliceKey, alice + 1, Carol, 1),
                    StoreHarness.Transfer(BobKey, bob, Carol, 2));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{block.Number} {block.Header.StateRoot}"));
                Console.Out.Flush();
            }

            while (Console.In.ReadLine() is not null)
            {
            }
        }

        return 0;
    }
}
