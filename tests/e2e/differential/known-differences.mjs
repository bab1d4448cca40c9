// The one list of fields that may legitimately differ between Nectar and the reference anvil, each with its
// reason. The comparison leaves exactly these out; any other difference fails the run.
//
// Paths: `receipt.X` is a receipt field, `receipt.logs[].X` a field of every log, `block.X` a header field,
// `state.<kind>` an account state kind.
export const KNOWN_DIFFERENCES = Object.freeze([
  {
    path: 'receipt.blockHash',
    reason: "Block hashes cover the state root, and Nectar's genesis state differs from anvil's (Nectar predeploys " +
      'its system contracts, such as the account registry at 0x4e65…0001), so every block hash differs from genesis on.',
  },
  {
    path: 'receipt.logs[].blockHash',
    reason: 'Same as receipt.blockHash: the hash of the block the log is in.',
  },
  {
    path: 'block.hash',
    reason: 'Same as receipt.blockHash.',
  },
  {
    path: 'block.parentHash',
    reason: 'Same as receipt.blockHash, one block earlier.',
  },
  {
    path: 'block.mixHash',
    reason: "PREVRANDAO. anvil derives each block's value from its own chain (it changes as soon as an earlier " +
      'block hash differs) and has no method to set it; no contract in the sequence reads PREVRANDAO.',
  },
  {
    path: 'block.stateRoot',
    reason: "Nectar's genesis holds predeploys anvil does not have; account state is compared account by account instead.",
  },
]);

const ignored = new Set(KNOWN_DIFFERENCES.map((d) => d.path));

/** True when a difference at this path is listed above. */
export function isKnownDifference(path) {
  return ignored.has(path.replace(/\[\d+\]/g, '[]'));
}
