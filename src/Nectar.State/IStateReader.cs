using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>
/// Read access to committed state: the accounts, storage and code as of the end of some block. The
/// <see cref="WorldState"/> reads through it only on a cache miss, so implementations favour simplicity over
/// per-call speed. Implementations are safe to read from several threads at once.
/// </summary>
public interface IStateReader
{
    /// <summary>Reads an account.</summary>
    /// <param name="address">The account's address.</param>
    /// <param name="account">The account when it exists; otherwise <see langword="default"/>.</param>
    /// <returns>Whether the account exists.</returns>
    bool TryGetAccount(Address address, out Account account);

    /// <summary>Reads one storage slot; a slot never written (or an account that does not exist) reads as zero.</summary>
    /// <param name="address">The account's address.</param>
    /// <param name="slot">The slot key.</param>
    /// <returns>The stored value.</returns>
    UInt256 GetStorage(Address address, in UInt256 slot);

    /// <summary>Reads code by its Keccak-256 hash.</summary>
    /// <param name="codeHash">The code hash.</param>
    /// <returns>The code, or <see langword="null"/> when no code with that hash is stored.</returns>
    byte[]? GetCode(in Hash256 codeHash);
}
