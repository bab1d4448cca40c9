namespace Nectar.Evm.Execution;

/// <summary>Selects the traced or untraced dispatch loop at compile time.</summary>
internal interface ITracingFlag
{
    static abstract bool Enabled { get; }
}

#pragma warning disable SA1649, SA1402, CA1812 // the two flag values belong with their interface
internal readonly struct TracingOn : ITracingFlag
{
    public static bool Enabled => true;
}

internal readonly struct TracingOff : ITracingFlag
{
    public static bool Enabled => false;
}
#pragma warning restore SA1649, SA1402, CA1812
