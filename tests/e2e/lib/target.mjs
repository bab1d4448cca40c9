// Tests that assert Nectar's privacy rules. They run only against the real node: the anvil stand-in has no
// privacy layer, and a rule test that passed against it would prove nothing. Under NECTAR_E2E_TARGET=anvil
// they are reported as skipped, with this reason, never as passed.
import { test } from 'node:test';
import { currentTarget } from './devnet.mjs';

export const PRIVACY_SKIP_REASON =
  'privacy rules are enforced by nectar devnet only; the anvil stand-in has none (NECTAR_E2E_TARGET=anvil)';

/** True when privacy tests run: against the real node, or on request (NECTAR_E2E_FORCE_PRIVACY=1). */
export function privacyTestsRun() {
  return currentTarget() === 'nectar' || process.env.NECTAR_E2E_FORCE_PRIVACY === '1';
}

/**
 * Declares a test of a privacy rule: skipped, visibly, unless the target is the real node.
 * NECTAR_E2E_FORCE_PRIVACY=1 runs them against the stand-in anyway, where every rule test must fail: that is
 * how to check that they can.
 */
export function privacyTest(name, fn) {
  const skip = privacyTestsRun() ? false : PRIVACY_SKIP_REASON;
  return test(name, { skip }, fn);
}
