namespace Nectar.Benchmarks.Load.Targets;

/// <summary>Which node a target is.</summary>
internal enum TargetKind
{
    /// <summary><c>nectar devnet</c>: sessions, admission and private reads.</summary>
    Nectar,

    /// <summary>anvil: no authentication, every account may send.</summary>
    Anvil,
}
