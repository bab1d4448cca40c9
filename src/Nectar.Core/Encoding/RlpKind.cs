namespace Nectar.Core.Encoding;

/// <summary>The two kinds of RLP item.</summary>
public enum RlpKind
{
    /// <summary>A byte string (prefix below <c>0xc0</c>), which also carries integers, addresses and hashes.</summary>
    Bytes = 0,

    /// <summary>A list of items (prefix <c>0xc0</c> and above).</summary>
    List = 1,
}
