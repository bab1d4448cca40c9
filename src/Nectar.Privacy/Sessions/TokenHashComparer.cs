namespace Nectar.Privacy.Sessions;

/// <summary>
/// Compares two token hashes. The service uses <see cref="System.Security.Cryptography.CryptographicOperations.FixedTimeEquals"/>,
/// whose running time does not depend on where the inputs differ; tests substitute a recording comparer.
/// </summary>
internal delegate bool TokenHashComparer(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right);
