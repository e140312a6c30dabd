// Runs inside a fresh Node process (as a Lambda execution environment starts): loads one bundled
// handler and prints, in ms, the time since the process started and the time the require took.
const bundle = process.argv[2];
const before = performance.now();
const loaded = require(bundle);
const after = performance.now();
if (typeof loaded.handler !== 'function') throw new Error(`${bundle} exports no handler`);
process.stdout.write(JSON.stringify({ sinceStart: after, require: after - before }));
