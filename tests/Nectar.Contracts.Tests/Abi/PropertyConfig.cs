using FsCheck;
using Microsoft.FSharp.Core;

namespace Nectar.Contracts.Tests.Abi;

/// <summary>FsCheck settings with a fixed seed, so every property run is replayable.</summary>
internal static class PropertyConfig
{
    public static Config Replayable(ulong seed, int maxTest = 300) =>
        Config.QuickThrowOnFailure
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)))
            .WithMaxTest(maxTest);
}
