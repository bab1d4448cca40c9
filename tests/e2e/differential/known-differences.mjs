// The one list of fields that may legitimately differ between Nectar and the reference anvil, each with its
// reason. The comparison leaves exactly these out; any other difference fails the run.
//
// Paths: `receipt.X` is a receipt field, `receipt.logs[].X` a field of every log, `block.X` a header field,
// `state@<address>.<kind>` an account state kind of one account.
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
    path: 'block.totalDifficulty',
    reason: 'Removed from the execution-apis block schema after the merge; anvil still reports 0x0, Nectar omits it as geth does.',
  },
  {
    path: 'block.size',
    reason: "Nectar's size is the length of the whole block encoding, as geth's is; anvil's is one byte shorter on every " +
      'block, the length of the empty withdrawals list (0xc0) it leaves out.',
  },
  {
    path: 'receipt.blobGasPrice',
    reason: 'Nectar refuses blob transactions, so its receipts carry no blob fields; anvil reports the blob base fee on every receipt.',
  },
  {
    path: 'receipt.blockTimestamp',
    reason: "An anvil extension (a JSON number, not a quantity) outside the execution-apis receipt schema; Nectar's logs carry " +
      'blockTimestamp as the schema says.',
  },
  {
    path: 'state@0x4e59b44847b379578588920ca78fbf26c0b4956c.nonce',
    reason: 'The CREATE2 deployer is predeployed with nonce 1, as a contract created after EIP-161 has (so it is on mainnet); ' +
      'anvil inserts it with nonce 0, so after the CREATE2 in the sequence the nonces are 2 and 1.',
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
