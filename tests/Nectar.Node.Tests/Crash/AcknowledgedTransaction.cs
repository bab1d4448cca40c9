namespace Nectar.Node.Tests.Crash;

/// <summary>A transaction whose receipt the node served, with what the receipt said: what must survive any crash.</summary>
internal sealed record AcknowledgedTransaction(string Hash, int Account, ulong Nonce, int Round, ulong BlockNumber, string BlockHash, string Status, string GasUsed);
