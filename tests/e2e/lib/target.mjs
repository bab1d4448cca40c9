// Tests that assert Nectar's privacy rules. They run only against the real node: the anvil stand-in has no
// privacy layer, and a rule test that passed against it would prove nothing. Under NECTAR_E2E_TARGET=anvil
// they are reported as skipped, with this reason, never as passed.
import { test } from 'node:test';
import { currentTarget } from './devnet.mjs';

export const PRIVACY_SKIP_REASON =
  'privacy rules are enforced by nectar devnet only; the anvil stand-in has none (NECTAR_E2E_TARGET=anvil)';

/** Declares a test of a privacy rule: skipped, visibly, unless the target is the real node. */
export function privacyTest(name, fn) {
  const skip = currentTarget() === 'nectar' ? false : PRIVACY_SKIP_REASON;
  return test(name, { skip }, fn);
}
