using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>The code of an account before a SetCode, kept by its journal entry.</summary>
internal sealed class CodeBackup(Hash256 codeHash, byte[]? code, bool codeChanged)
{
    public Hash256 CodeHash { get; } = codeHash;

    public byte[]? Code { get; } = code;

    public bool CodeChanged { get; } = codeChanged;
}
