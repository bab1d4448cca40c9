using Nectar.Core.Transactions;

namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>What Nectar made of a case: the decoded transaction (if any), the first error and the intrinsic gas.</summary>
internal sealed record TransactionTestOutcome(Transaction? Transaction, TransactionError Error, string? Message, ulong? IntrinsicGas);
