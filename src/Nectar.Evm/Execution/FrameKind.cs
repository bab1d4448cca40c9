namespace Nectar.Evm.Execution;

/// <summary>How a frame was entered.</summary>
internal enum FrameKind : byte
{
    Call,
    CallCode,
    DelegateCall,
    StaticCall,
    Create,
    Create2,
}
