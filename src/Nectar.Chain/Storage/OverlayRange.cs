namespace Nectar.Chain.Storage;

/// <summary>Selects the overlay entries of a key range.</summary>
internal static class OverlayRange
{
    public static List<KeyValuePair<byte[], byte[]?>> Between(SortedDictionary<byte[], byte[]?> changes, byte[] start, byte[]? end)
    {
        var selected = new List<KeyValuePair<byte[], byte[]?>>();
        foreach (var entry in changes)
        {
            if (entry.Key.AsSpan().SequenceCompareTo(start) < 0)
            {
                continue;
            }

            if (end is not null && entry.Key.AsSpan().SequenceCompareTo(end) >= 0)
            {
                break;
            }

            selected.Add(entry);
        }

        return selected;
    }
}
