import { sha256 } from '../shared/hash.js';

/** A version a poll returned, waiting to be seen again. */
interface Candidate {
  hash: string;
  text: string;
  modifiedAt?: number;
}

export type Sighting =
  /** Seen on two polls in a row: take it now. */
  | { kind: 'confirmed'; text: string; modifiedAt?: number }
  /** New: held until the next poll says the same. */
  | { kind: 'held' }
  /** What is already taken (a flap back, or no change). */
  | { kind: 'unchanged' };

/**
 * A changed registry URL is taken only once two consecutive polls agree, so a CDN whose edges serve old and
 * new versions in turn changes nothing until it settles. A 304 (Not Modified) against the candidate's own
 * validators is the second poll agreeing. A failed poll neither confirms nor forgets the candidate.
 */
export class SecondSighting {
  private taken: string | undefined;
  private candidate: Candidate | undefined;

  /** The text taken at start (adopted at once: there is nothing to flap against yet). */
  takenNow(text: string): void {
    this.taken = sha256(text);
    this.candidate = undefined;
  }

  content(text: string, modifiedAt?: number): Sighting {
    const hash = sha256(text);
    if (hash === this.taken) {
      this.candidate = undefined;
      return { kind: 'unchanged' };
    }
    if (this.candidate?.hash === hash) return this.confirm();
    this.candidate = { hash, text, ...(modifiedAt === undefined ? {} : { modifiedAt }) };
    return { kind: 'held' };
  }

  notModified(): Sighting {
    return this.candidate ? this.confirm() : { kind: 'unchanged' };
  }

  private confirm(): Sighting {
    const c = this.candidate;
    if (!c) return { kind: 'unchanged' };
    this.candidate = undefined;
    this.taken = c.hash;
    return {
      kind: 'confirmed',
      text: c.text,
      ...(c.modifiedAt === undefined ? {} : { modifiedAt: c.modifiedAt }),
    };
  }
}
