import { assertWithinSlackLimits } from '@osm-feature-bot/slack-standin';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../../../src/registry/schema.js';
import { docsPath, matchDocsLink, renderUnfurl } from '../../../../src/render/slack/unfurl.js';
import { loadRegistryFile } from '../../../../src/sources/read-registry.js';

let registry: Registry;
beforeAll(async () => {
  const loaded = await loadRegistryFile('tests/fixtures/registry/osm.yml');
  if (!loaded.ok) throw new Error('the registry fixture does not load');
  registry = loaded.registry;
});

const DOCS = 'https://docs.openservicemesh.io';

function ids(url: string): string[] | string | undefined {
  const link = matchDocsLink(url, registry);
  if (!link) return undefined;
  return link.kind === 'lifecycle' ? 'lifecycle' : link.features.map((f) => f.id);
}

describe('docs link matching', () => {
  it.each([
    [`${DOCS}/docs/guides/traffic_management/egress/`, ['egress-policies']],
    [`${DOCS}/docs/guides/traffic_management/egress`, ['egress-policies']],
    [`${DOCS}/docs/guides/traffic_management/egress/#configuring-egress`, ['egress-policies']],
    [`${DOCS}/docs/guides/traffic_management/egress/?x=1&amp;y=2`, ['egress-policies']],
    [`${DOCS}/docs/guides/traffic_management/egress/egress_policy/`, ['egress-policies']],
    [`${DOCS}/Docs/Guides/Traffic_Management/Egress//`, ['egress-policies']],
    [
      `http://www.docs.openservicemesh.io/docs/guides/traffic_management/egress/index.html`,
      ['egress-policies'],
    ],
  ])('%s is the egress page', (url, expected) => {
    expect(ids(url)).toEqual(expected);
  });

  it('finds every feature that shares a docs page', () => {
    const found = ids(`${DOCS}/docs/guides/certificates/`);
    expect(Array.isArray(found) && found.length).toBeGreaterThan(1);
  });

  it.each([
    [`${DOCS}/docs/releases/feature_lifecycle/`],
    [`${DOCS}/docs/releases/feature_lifecycle`],
    [`${DOCS}/docs/v1.1/releases/feature_lifecycle/#alpha`],
  ])('%s is the Feature Lifecycle page', (url) => {
    expect(ids(url)).toBe('lifecycle');
  });

  it.each([
    ['another site', 'https://github.com/openservicemesh/osm/docs/guides/traffic_management/egress/'],
    ['a look-alike host', 'https://docs.openservicemesh.io.evil.example/docs/guides/cli/'],
    ['a sibling path', `${DOCS}/docs/guides/clixyz/`],
    ['the site root', `${DOCS}/`],
    ['a page with no feature', `${DOCS}/docs/overview/about/`],
    ['not a URL', 'docs.openservicemesh.io/docs/guides/cli'],
    ['another scheme', 'ftp://docs.openservicemesh.io/docs/guides/cli/'],
  ])('ignores %s', (_what, url) => {
    expect(ids(url)).toBeUndefined();
  });

  it('normalises paths', () => {
    expect(docsPath(`${DOCS}/docs/guides/cli/`)).toBe('/docs/guides/cli');
    expect(docsPath(`${DOCS}/docs/guides/%63li`)).toBe('/docs/guides/cli');
    expect(docsPath('https://example.com/docs/')).toBeUndefined();
  });
});

describe('unfurls', () => {
  it('renders a compact card for a feature page', () => {
    const unfurl = renderUnfurl(`${DOCS}/docs/guides/traffic_management/circuit_breaking/`, registry);
    if (!unfurl) throw new Error('no unfurl');
    const text = JSON.stringify(unfurl.blocks);
    expect(text).toContain('*Circuit breaking*');
    expect(text).toContain(':test_tube: Alpha');
    expect(unfurl.blocks.length).toBeLessThanOrEqual(4);
    assertWithinSlackLimits({ text: 'x', ...unfurl });
  });

  it('summarises the registry for the lifecycle page', () => {
    const unfurl = renderUnfurl(registry.source.url ?? '', registry);
    const text = JSON.stringify(unfurl?.blocks);
    expect(text).toContain(':white_check_mark: Stable: *21*');
    expect(text).toContain('30 features in 5 categories');
  });
});
