/**
 * Runs one emulator (DynamoDB Local's JVM, fauxqs) for the local cloud and makes sure it never
 * outlives the local cloud, whatever ends it:
 * - a signal to this guard (SIGINT, SIGTERM, SIGHUP, SIGQUIT) is passed on to the emulator;
 * - the local cloud dying, even by SIGKILL, closes the guard's stdin (a pipe only the local cloud
 *   holds): the guard then stops the emulator;
 * - the emulator exiting ends the guard with the same code.
 * Plain CommonJS so it starts in milliseconds without a TypeScript loader.
 *
 * Usage: node local/guard.cjs <command> [args...]
 */
const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write('usage: node local/guard.cjs <command> [args...]\n');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stop(signal) {
  if (child.exitCode !== null || child.signalCode !== null) {
    process.exit(0);
  }
  if (!stopping) {
    stopping = true;
    child.kill(signal);
    // An emulator that ignores SIGTERM is killed after 3 s.
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) {
  process.on(signal, () => stop('SIGTERM'));
}
process.stdin.on('end', () => stop('SIGTERM'));
process.stdin.on('close', () => stop('SIGTERM'));
process.stdin.on('error', () => stop('SIGTERM'));
process.stdin.resume();

child.on('error', (error) => {
  process.stderr.write(`guard: could not start ${command}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
