// The layout's one rule, checked: data flows one way (edges → intents → engine → render), so no file imports
// from a folder above it, and the engine (registry, osm-page, intents, answer, render) does no I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** What each folder of src/ may import, besides itself. `root` is the composition root (src/*.ts). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  shared: [],
  registry: ['shared'],
  'osm-page': ['registry', 'shared'],
  intents: ['registry', 'shared'],
  answer: ['intents', 'registry', 'shared'],
  render: ['answer', 'intents', 'registry', 'shared'],
  store: ['registry', 'shared'],
  sources: ['osm-page', 'registry', 'shared'],
  receiver: ['operate', 'shared'],
  operate: ['store', 'registry', 'shared'],
  notices: ['store', 'render', 'answer', 'registry', 'shared'],
  subscriptions: ['store', 'answer', 'intents', 'registry', 'shared'],
  home: ['store', 'notices', 'render', 'answer', 'registry', 'shared'],
  install: ['store', 'render', 'shared'],
  listeners: [
    'home',
    'install',
    'subscriptions',
    'render',
    'answer',
    'intents',
    'registry',
    'store',
    'shared',
  ],
  lifecycle: ['listeners', 'store', 'shared'],
  cli: ['sources', 'render', 'answer', 'intents', 'osm-page', 'registry', 'shared'],
  sandbox: ['root', 'render', 'shared'],
  root: ['*'],
};

/** The engine: pure functions of data. */
const ENGINE = ['registry', 'osm-page', 'intents', 'answer', 'render'];
const IO_MODULES = /^(node:)?(fs|fs\/promises|http|https|net|child_process|dgram|tls)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length === 1 ? 'root' : (parts[0] ?? 'root');
}

interface Import {
  file: string;
  specifier: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'/g)) {
    if (m[1]) found.push({ file, specifier: m[1] });
  }
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) {
    if (m[1]) found.push({ file, specifier: m[1] });
  }
  return found;
}

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);
const rel = (file: string): string => relative(SRC, file);

describe('the import graph of src/', () => {
  it('finds the files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.length).toBeGreaterThan(files.length);
  });

  it('never imports against the flow', () => {
    const wrong: string[] = [];
    for (const { file, specifier } of imports) {
      if (!specifier.startsWith('.')) continue;
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), specifier));
      const allowed = MAY_IMPORT[from];
      if (!allowed) {
        wrong.push(`${rel(file)}: folder ${from} is not in the layer table`);
        continue;
      }
      if (from !== to && !allowed.includes('*') && !allowed.includes(to))
        wrong.push(`${rel(file)} → ${specifier} (${from} may not import ${to})`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the engine free of I/O: no fs, http, network, fetch or store', () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => ENGINE.includes(folderOf(f)))) {
      for (const { specifier } of importsOf(file)) {
        if (IO_MODULES.test(specifier)) wrong.push(`${rel(file)} imports ${specifier}`);
      }
      if (/\bfetch\(/.test(readFileSync(file, 'utf8'))) wrong.push(`${rel(file)} calls fetch`);
    }
    expect(wrong).toEqual([]);
  });
});
