namespace Nectar.Privacy.Sessions;

/// <summary>The outcome of consuming a nonce.</summary>
internal enum NonceCheck
{
    /// <summary>Issued here, unused and unexpired; now used.</summary>
    Valid,

    /// <summary>Never issued here, or already forgotten.</summary>
    Unknown,

    /// <summary>Already used.</summary>
    Replayed,

    /// <summary>Issued here but past its lifetime.</summary>
    Expired,
}
