namespace Nectar.Contracts.Abi;

/// <summary>What a function may do to state and whether it accepts ether.</summary>
public enum StateMutability
{
    /// <summary>Changes state; rejects ether.</summary>
    NonPayable,

    /// <summary>Changes state and accepts ether.</summary>
    Payable,

    /// <summary>Reads state only.</summary>
    View,

    /// <summary>Reads neither state nor the environment.</summary>
    Pure,
}
