using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>Reads state as of an earlier block: previous values from reverse diffs, over the current flat state.</summary>
internal sealed class HistoricalStateReader(StateStore store, Dictionary<string, byte[]?> overlay) : IStateReader
{
    public static string OverlayKey(byte column, ReadOnlySpan<byte> key) => (char)('0' + column) + Hex.ToHexString(key, withPrefix: false);

    public bool TryGetAccount(Address address, out Account account)
    {
        if (overlay.TryGetValue(OverlayKey(StateDiff.AccountColumn, address.Bytes), out var previous))
        {
            account = previous is null ? default : Account.Decode(previous);
            return previous is not null;
        }

        return store.TryGetAccount(address, out account);
    }

    public UInt256 GetStorage(Address address, in UInt256 slot)
    {
        Span<byte> key = stackalloc byte[StorageCell.KeyLength];
        new StorageCell(address, slot).WriteKey(key);
        if (overlay.TryGetValue(OverlayKey(StateDiff.StorageColumn, key), out var previous))
        {
            return previous is null ? UInt256.Zero : new UInt256(previous);
        }

        return store.GetStorage(address, slot);
    }

    public byte[]? GetCode(in Hash256 codeHash) => store.GetCode(codeHash);
}
