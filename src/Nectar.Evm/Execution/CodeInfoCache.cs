using System.Collections.Concurrent;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Execution;

/// <summary>
/// Prepared code by code hash, shared by every interpreter in the process. Bounded: two generations, the
/// newer one filled on use and the older one consulted (and promoted from) on a miss; when the newer one is
/// full it becomes the older one, so code in use stays and code not used for a generation is dropped.
/// </summary>
internal static class CodeInfoCache
{
    private const int GenerationCapacity = 8_192;

    private static readonly Lock Gate = new();
    private static ConcurrentDictionary<Hash256, CodeInfo> s_current = new();
    private static ConcurrentDictionary<Hash256, CodeInfo> s_previous = new();

    public static CodeInfo Get(in Hash256 codeHash, byte[] code)
    {
        var current = s_current;
        if (current.TryGetValue(codeHash, out var info))
        {
            return info;
        }

        if (!s_previous.TryGetValue(codeHash, out info))
        {
            info = new CodeInfo(code);
        }

        if (current.Count >= GenerationCapacity)
        {
            lock (Gate)
            {
                if (ReferenceEquals(current, s_current))
                {
                    s_previous = current;
                    s_current = new ConcurrentDictionary<Hash256, CodeInfo>();
                }

                current = s_current;
            }
        }

        current.TryAdd(codeHash, info);
        return info;
    }
}
