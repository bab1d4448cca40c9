namespace Nectar.Chain.Reading;

/// <summary>The Merkle proofs <c>eth_getProof</c> returns: the account's path in the state trie and each slot's path in its storage trie.</summary>
/// <param name="AccountProof">The RLP-encoded trie nodes from the state root to the account.</param>
/// <param name="StorageProofs">For each requested slot, the RLP-encoded nodes from the storage root to the slot.</param>
public sealed record StateProof(IReadOnlyList<byte[]> AccountProof, IReadOnlyList<IReadOnlyList<byte[]>> StorageProofs);
