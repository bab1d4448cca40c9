namespace Nectar.Chain.Tree;

/// <summary>What importing a block did.</summary>
public enum BlockImportStatus
{
    /// <summary>The block was valid, extended the head and is the new head.</summary>
    NewHead,

    /// <summary>The block was valid and is stored on a side branch; the head did not change.</summary>
    SideBranch,

    /// <summary>The block was already known; nothing changed.</summary>
    AlreadyKnown,

    /// <summary>The block is invalid (see the error); nothing changed.</summary>
    Invalid,
}
