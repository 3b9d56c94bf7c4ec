/** One schema step. Versions are applied in ascending order and never edited once released. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
