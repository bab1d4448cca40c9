namespace Nectar.Db.Memory;

/// <summary>One pending write: a put of <see cref="Value"/>, or a delete when it is <see langword="null"/>.</summary>
internal readonly record struct MemoryWrite(int Column, byte[] Key, byte[]? Value);
