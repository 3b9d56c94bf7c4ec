import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The bot talking to Slack must never load the sandbox (and with it the Slack stand-in and its WebSocket
 * server): main() imports the sandbox with import() in sandbox mode only, and only the sandbox imports the
 * stand-in package. These tests read the import graph of the sources, so a static import that would undo
 * that fails here rather than in production.
 */

const STANDIN = '@osm-feature-bot/slack-standin';

interface ModuleImport {
  specifier: string;
  /** `type`: `import type` / `export type`, erased from the JavaScript; `static`: loaded with the importer. */
  kind: 'static' | 'type' | 'dynamic';
}

function importsOf(file: string): ModuleImport[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: ModuleImport[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      // Only a whole-statement `import type` is erased: with verbatimModuleSyntax, `import { type A }` stays.
      const typeOnly = ts.isImportDeclaration(node)
        ? node.importClause?.isTypeOnly === true
        : node.isTypeOnly;
      found.push({ specifier: node.moduleSpecifier.text, kind: typeOnly ? 'type' : 'static' });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) {
        found.push({ specifier: argument.text, kind: 'dynamic' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The TypeScript files below `dir`, as paths from the repository's root. */
function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The source file behind a relative specifier (`./x.js` is written for `./x.ts`). */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const path = join(dirname(from), specifier.replace(/\.js$/, '.ts'));
  return existsSync(path) ? path : undefined;
}

/** Every file that loading `entry` loads before any import() runs, with the bare specifiers they import. */
function staticClosure(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>([entry]);
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const { specifier, kind } of importsOf(file)) {
      if (kind !== 'static') continue;
      const target = resolveRelative(file, specifier);
      if (target === undefined) {
        if (!specifier.startsWith('.')) packages.add(specifier);
      } else if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { files: [...seen], packages };
}

describe('import boundaries', () => {
  it('src/main.ts imports the sandbox with import() only', () => {
    const sandbox = importsOf('src/main.ts').filter((i) => i.specifier.includes('/sandbox/'));
    expect(sandbox.length).toBeGreaterThan(0);
    expect(sandbox.filter((i) => i.kind !== 'dynamic')).toEqual([]);
  });

  it('nothing main.ts loads at start-up lies in src/sandbox/', () => {
    const { files } = staticClosure('src/main.ts');
    expect(files).toContain('src/bot.ts');
    expect(files.filter((f) => f.startsWith('src/sandbox/'))).toEqual([]);
  });

  it('main.ts loads nothing at start-up that imports the stand-in package', () => {
    expect([...staticClosure('src/main.ts').packages]).not.toContain(STANDIN);
  });

  it('only src/sandbox/ imports the stand-in package', () => {
    const importers = sourcesIn('src').filter((file) =>
      importsOf(file).some((i) => i.specifier === STANDIN || i.specifier.startsWith(`${STANDIN}/`)),
    );
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith('src/sandbox/'))).toEqual([]);
  });

  it('the app, its tests and benchmarks import the stand-in by its name, never a path inside it', () => {
    const inside = /^@osm-feature-bot\/slack-standin\/|packages\/|(^|\/)standin\//;
    const deep = ['src', 'tests', 'bench'].flatMap(sourcesIn).flatMap((file) =>
      importsOf(file)
        .filter((i) => inside.test(i.specifier))
        .map((i) => `${file}: ${i.specifier}`),
    );
    expect(deep).toEqual([]);
  });
});
