import { readFileSync } from 'node:fs';
import { type ParseMappingResult, parseMapping } from '../../src/osm-page/mapping.js';

/** The page → registry mapping fixture (a frozen copy of data/osm-mapping.yml). */
export const FIXTURE_MAPPING = 'tests/fixtures/registry/osm-mapping.yml';

export function loadFixtureMapping(): ParseMappingResult & { file: string } {
  return { ...parseMapping(readFileSync(FIXTURE_MAPPING, 'utf8'), FIXTURE_MAPPING), file: FIXTURE_MAPPING };
}
