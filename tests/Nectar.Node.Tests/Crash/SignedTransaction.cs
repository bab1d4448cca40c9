namespace Nectar.Node.Tests.Crash;

/// <summary>A transaction signed before the load starts: its hash, its raw encoding as hex, and its nonce.</summary>
internal sealed record SignedTransaction(string Hash, string Raw, ulong Nonce);
