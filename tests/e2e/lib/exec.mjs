// Runs a command-line tool with a bound on its run time and returns what it printed.
import { execFile } from 'node:child_process';

/**
 * @returns {Promise<{ code: number|null, stdout: string, stderr: string }>} never rejects for a non-zero exit;
 * rejects only when the tool cannot be started or overruns `timeoutMs`.
 */
export function run(command, args, { env, cwd, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...env }, cwd, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && (error.killed || error.code === 'ENOENT' || typeof error.code === 'string')) {
          reject(new Error(`${command} ${args.join(' ')}: ${error.killed ? `timed out after ${timeoutMs} ms` : error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** Like run, but throws with the tool's output when it exits non-zero. */
export async function runOk(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return result;
}
