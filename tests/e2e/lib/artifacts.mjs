// The committed compiler output of the repository's contracts (contracts/out/<Name>.json).
import fs from 'node:fs';
import path from 'node:path';
import { contractsOut } from './paths.mjs';

const cache = new Map();

/** @returns {{ abi: object[], bytecode: string, deployedBytecode: string, storageLayout: object }} */
export function artifact(name) {
  if (!cache.has(name)) {
    cache.set(name, JSON.parse(fs.readFileSync(path.join(contractsOut, `${name}.json`), 'utf8')));
  }
  return cache.get(name);
}
