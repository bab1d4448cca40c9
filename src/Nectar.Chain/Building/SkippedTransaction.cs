using Nectar.Core.Transactions;

namespace Nectar.Chain.Building;

/// <summary>A candidate the builder did not include, with why.</summary>
/// <param name="Transaction">The transaction.</param>
/// <param name="CandidateIndex">Its position in the candidate sequence.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Message">The details (expected and found values).</param>
public sealed record SkippedTransaction(Transaction Transaction, int CandidateIndex, SkipReason Reason, string Message);
