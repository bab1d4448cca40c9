// Locations the suite needs, resolved from this file so tests run from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const e2eDir = path.join(repoRoot, 'tests', 'e2e');
export const binDir = path.join(repoRoot, 'node_modules', '.bin');
export const tools = {
  anvil: path.join(binDir, 'anvil'),
  cast: path.join(binDir, 'cast'),
  forge: path.join(binDir, 'forge'),
};
export const contractsOut = path.join(repoRoot, 'contracts', 'out');
