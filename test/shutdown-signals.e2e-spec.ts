import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Ctrl-C in a terminal signals the whole process group: an embedded PostgreSQL stops at the same
 * moment and ends its connections (57P01) while the apps are still closing. Such an error, thrown
 * with no listener during shutdown, must not crash the shutdown; any other error still does.
 */
function runWithSigint(code: string): Promise<{ exit: number | null; output: string }> {
  const root = join(__dirname, '..');
  const script = `
    const { installGracefulShutdown } = require(${JSON.stringify(join(root, 'libs/platform/src/runtime.ts'))});
    const closers = [async () => {
      setImmediate(() => { throw Object.assign(new Error('connection ended'), { code: ${JSON.stringify(code)} }); });
      await new Promise((r) => setTimeout(r, 200));
    }];
    installGracefulShutdown(closers, (line) => console.log('[log] ' + line));
    console.log('ready');
    setInterval(() => undefined, 1000);
  `;
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader, not tsx's CLI: that runs the script in a grandchild and
    // relays signals with a 30 ms handshake, which on a busy machine lost the SIGINT (CI, once).
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('ready') && !child.killed) child.kill('SIGINT');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (exit) => resolve({ exit, output }));
  });
}

describe('shutdown on a signal', () => {
  it('closes on when the database ended its connections (57P01) during shutdown', async () => {
    const { exit, output } = await runWithSigint('57P01');
    expect(output).toContain('[log] SIGINT received: shutting down');
    expect(output).toContain('[log] the database ended its connections (it was stopped too): closing on');
    expect(output).toContain('[log] stopped');
    expect(exit).toBe(0);
  });

  it('still ends with an error on anything else', async () => {
    const { exit, output } = await runWithSigint('EOTHER');
    expect(output).toContain('connection ended');
    expect(output).not.toContain('[log] stopped');
    expect(exit).toBe(1);
  });
});
