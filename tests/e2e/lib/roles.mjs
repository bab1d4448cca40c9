// The one place that says which devnet account plays which part. The devnet's info file lists ten accounts
// (anvil's default mnemonic); their roles come from the node's genesis registry. If the node changes them,
// change them here only.

/** Index of the account that sees everything (transactions, receipts, logs, balances, storage, traces). */
export const AUDITOR = 8;
/** Index of the node operator: raw state and traces, but not other users' transactions or balances. */
export const OPERATOR = 9;
/** Indices of plain users. */
export const USERS = [1, 2, 3, 4, 5, 6, 7];

/**
 * Each suite writes with its own account so suites can share one devnet and run in parallel without
 * fighting over nonces. Reads of another account's data use a different user as the outsider.
 */
export const SUITE_ACCOUNTS = Object.freeze({
  cast: { user: 1, outsider: 7 },
  ethers: { user: 2, outsider: 7 },
  viem: { user: 3, outsider: 7 },
  forge: { user: 4, outsider: 7 },
  privacy: { user: 5, recipient: 6, outsider: 7 },
  // The differential harness starts devnets of its own, so it may use any user.
  differential: { senders: [1, 2, 3], authority: 4 },
});

/** The account that reads traces for `cast run`: it needs transactions, full blocks, balances and storage. */
export const TRACE_READER = AUDITOR;
