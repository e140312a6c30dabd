// Runs inside a fresh Node process (as a Lambda execution environment starts): loads one bundled
// handler and prints, in ms, the process's CPU time and the wall time since it started, and the
// same two for the require alone. CPU time is what init costs on a quiet machine; wall time also
// holds whatever else the machine was doing.
const bundle = process.argv[2];
const cpuMs = (usage) => (usage.user + usage.system) / 1000;
const before = performance.now();
const cpuBefore = process.cpuUsage();
const loaded = require(bundle);
const cpuAfter = process.cpuUsage();
const after = performance.now();
if (typeof loaded.handler !== 'function') throw new Error(`${bundle} exports no handler`);
process.stdout.write(JSON.stringify({ cpu: cpuMs(cpuAfter), wall: after, requireCpu: cpuMs(process.cpuUsage(cpuBefore)), requireWall: after - before }));
