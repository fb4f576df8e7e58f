// Preloaded into server child processes started by tests (processes.ts): when the
// test process goes away, however it ends, our stdin pipe closes and we go too.
process.stdin.on('end', () => process.kill(process.pid, 'SIGKILL'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGKILL'));
process.stdin.resume();
