// Field-by-field comparison of two JSON answers, reporting every difference by path and leaving out only the
// differences listed in known-differences.mjs.
import { isKnownDifference } from './known-differences.mjs';

function normalize(value) {
  // Hex strings compare case-insensitively (checksummed and lower-case addresses are the same address).
  return typeof value === 'string' && /^0x[0-9a-fA-F]*$/.test(value) ? value.toLowerCase() : value;
}

/**
 * @param {string} path where these values sit, e.g. `receipt` or `state.balance`
 * @returns {{ path: string, target: unknown, reference: unknown }[]}
 */
export function differences(path, target, reference, out = []) {
  if (isKnownDifference(path)) return out;
  const t = normalize(target);
  const r = normalize(reference);
  if (Array.isArray(t) && Array.isArray(r)) {
    if (t.length !== r.length) out.push({ path: `${path}.length`, target: t.length, reference: r.length });
    for (let i = 0; i < Math.min(t.length, r.length); i++) differences(`${path}[${i}]`, t[i], r[i], out);
    return out;
  }
  if (t && r && typeof t === 'object' && typeof r === 'object' && !Array.isArray(t) && !Array.isArray(r)) {
    for (const key of new Set([...Object.keys(t), ...Object.keys(r)])) {
      differences(`${path}.${key}`, t[key], r[key], out);
    }
    return out;
  }
  if (t !== r) out.push({ path, target: t, reference: r });
  return out;
}
