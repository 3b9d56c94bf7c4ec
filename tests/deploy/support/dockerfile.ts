import path from 'node:path';

/** One stage of a Dockerfile, with what the tests need of it. */
export interface DockerStage {
  image: string;
  name?: string;
  env: Record<string, string>;
  workdir: string;
  /** `USER` as written (`1000:1000`, `node`), or undefined for root. */
  user?: string;
  /** Absolute destinations of COPY and ADD. */
  copied: string[];
  /** Absolute paths given to `chown` in RUN, with the owner they were given. */
  chowned: { path: string; owner: string }[];
  volumes: string[];
  exposed: number[];
}

/** Parses the instructions the tests read (FROM, ENV, WORKDIR, USER, COPY, ADD, RUN chown, VOLUME, EXPOSE). */
export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const line of logicalLines(text)) {
    const [, instruction = '', rest = ''] = /^(\w+)\s+(.*)$/s.exec(line) ?? [];
    const op = instruction.toUpperCase();
    if (op === 'FROM') {
      const [image = '', as, name] = rest.split(/\s+/);
      stages.push({
        image,
        ...(as?.toUpperCase() === 'AS' && name ? { name } : {}),
        env: {},
        workdir: '/',
        copied: [],
        chowned: [],
        volumes: [],
        exposed: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${op} before FROM`);
    const abs = (p: string) => path.posix.resolve(stage.workdir, p);
    if (op === 'ENV')
      for (const [, k = '', v = ''] of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[k] = unquote(v);
    else if (op === 'WORKDIR') stage.workdir = abs(rest.trim());
    else if (op === 'USER') stage.user = rest.trim();
    else if (op === 'COPY' || op === 'ADD') {
      const words = rest.split(/\s+/).filter((w) => !w.startsWith('--'));
      const dest = words.at(-1);
      if (!dest) continue;
      const sources = words.slice(0, -1);
      // `COPY a b ./` puts each source's basename under the directory; `COPY src ./src` names the target.
      if (dest.endsWith('/'))
        for (const s of sources) stage.copied.push(abs(path.posix.join(dest, path.posix.basename(s))));
      else stage.copied.push(abs(dest));
    } else if (op === 'RUN') {
      for (const [, owner = '', paths = ''] of rest.matchAll(/chown\s+(?:-\w+\s+)*(\S+)\s+([^&;|]+)/g))
        for (const p of paths.trim().split(/\s+/)) stage.chowned.push({ path: abs(p), owner });
    } else if (op === 'VOLUME') {
      const list = rest.trim().startsWith('[') ? (JSON.parse(rest) as string[]) : rest.trim().split(/\s+/);
      stage.volumes.push(...list.map(abs));
    } else if (op === 'EXPOSE') stage.exposed.push(...rest.split(/\s+/).map((p) => Number.parseInt(p, 10)));
  }
  return stages;
}

/** Joins `\` continuations and drops comments and blank lines (a parser directive is a comment too). */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push(`${pending}${line}`.trim());
    pending = '';
  }
  if (pending) lines.push(pending.trim());
  return lines.filter(Boolean);
}

function unquote(v: string): string {
  return v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

/** Users the official node images create, by name: `node` is uid and gid 1000. */
const KNOWN_USERS: Record<string, { uid: number; gid: number }> = {
  node: { uid: 1000, gid: 1000 },
  root: { uid: 0, gid: 0 },
};

/** The uid and gid a `USER` line runs as: numbers as written, or a known user's (root when unset). */
export function resolveUser(user: string | undefined): { uid: number; gid: number } {
  if (!user) return { uid: 0, gid: 0 };
  const [u = '', g] = user.split(':');
  const uid = /^\d+$/.test(u) ? Number(u) : KNOWN_USERS[u]?.uid;
  if (uid === undefined) throw new Error(`Dockerfile USER ${user}: unknown user; write it as uid:gid`);
  // A bare uid takes its group from the image's /etc/passwd, which this parser does not read.
  const gid = g === undefined ? KNOWN_USERS[u]?.gid : /^\d+$/.test(g) ? Number(g) : KNOWN_USERS[g]?.gid;
  if (gid === undefined) throw new Error(`Dockerfile USER ${user}: unknown group; write it as uid:gid`);
  return { uid, gid };
}

/** Whether `inner` is `outer` or below it (POSIX paths). */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.posix.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.posix.isAbsolute(rel));
}
