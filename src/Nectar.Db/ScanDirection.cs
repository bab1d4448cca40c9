namespace Nectar.Db;

/// <summary>The order in which a cursor returns keys.</summary>
public enum ScanDirection
{
    /// <summary>Ascending byte-wise key order.</summary>
    Forward = 0,

    /// <summary>Descending byte-wise key order.</summary>
    Reverse = 1,
}
