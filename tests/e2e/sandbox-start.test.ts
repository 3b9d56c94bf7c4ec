import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  child = undefined;
});

/** Resolves with stdout's first line, as soon as it is written. */
function firstLine(proc: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const end = out.indexOf('\n');
      if (end !== -1) resolve(out.slice(0, end));
    });
    proc.once('exit', (code) =>
      reject(new Error(`exited ${code} before printing a line; stderr:\n${stderr()}`)),
    );
  });
}

describe('npm start with no Slack credentials', () => {
  it('starts the sandbox, prints one line with its URL, serves the page and stops cleanly on SIGTERM', async () => {
    let stderr = '';
    let stdout = '';
    // The sandbox loads the stand-in package: this export condition runs its TypeScript source, never a build.
    const source = '--conditions=@osm-feature-bot/source';
    child = spawn(process.execPath, [source, '--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    const line = await firstLine(child, () => stderr);
    const url = /(http:\/\/localhost:(\d+))/.exec(line)?.[1];
    expect(url, line).toBeDefined();
    expect(url).not.toMatch(/:0$/);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toMatch(/<label for="message"[^>]*>Message<\/label>/);
    expect(html).toContain('<textarea id="message"');
    expect(html).toContain('role="log"');
    expect((await fetch(`${url}/sandbox.js`)).status).toBe(200);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([line]);
    expect(stderr).toBe('');
  });
});
