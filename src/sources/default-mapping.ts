import { readFileSync } from 'node:fs';
import { type ParseMappingResult, parseMapping } from '../osm-page/mapping.js';
import { packageDataPath } from './package-data.js';

/** The page → registry mapping shipped in the package (data/osm-mapping.yml), read synchronously. */
export function loadDefaultMapping(): ParseMappingResult & { file: string } {
  const file = packageDataPath('osm-mapping.yml');
  return { ...parseMapping(readFileSync(file, 'utf8'), file), file };
}
