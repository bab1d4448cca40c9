namespace Nectar.Evm.Tracing;

/// <summary>How a call frame was entered, as tracers name it.</summary>
public enum CallKind
{
    /// <summary>A CALL, or a transaction to an account.</summary>
    Call,

    /// <summary>CALLCODE.</summary>
    CallCode,

    /// <summary>DELEGATECALL.</summary>
    DelegateCall,

    /// <summary>STATICCALL.</summary>
    StaticCall,

    /// <summary>CREATE, or a contract-creation transaction.</summary>
    Create,

    /// <summary>CREATE2.</summary>
    Create2,
}
