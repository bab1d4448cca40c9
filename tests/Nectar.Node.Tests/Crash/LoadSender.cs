namespace Nectar.Node.Tests.Crash;

/// <summary>One development account of the load: its index, its own session's token and its signed transactions in nonce order.</summary>
internal sealed record LoadSender(int Account, string Token, IReadOnlyList<SignedTransaction> Transactions);
