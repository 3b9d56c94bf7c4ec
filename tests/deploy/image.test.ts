import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { isWithin, parseDockerfile, resolveUser } from './support/dockerfile.js';
import {
  botContainer,
  KUBECTL_AVAILABLE,
  OVERLAYS,
  podSpecOf,
  REPO_ROOT,
  renderOverlay,
  reportMissingKubectl,
  theDeployment,
} from './support/kustomize.js';

const stages = parseDockerfile(readFileSync(`${REPO_ROOT}Dockerfile`, 'utf8'));
const runtime = stages.at(-1);
if (!runtime) throw new Error('the Dockerfile has no stage');
const imageUser = resolveUser(runtime.user);

/** Where the bot writes, given the container's environment and the image's defaults. */
function writtenPaths(container: IContainer): string[] {
  const databaseUrl = container.env?.find((e) => e.name === 'DATABASE_URL');
  // From the Secret (overlays/ha): PostgreSQL, nothing on disk. Unset: the image's default.
  const url = databaseUrl ? databaseUrl.value : runtime?.env.DATABASE_URL;
  const sqlite = url?.startsWith('sqlite:') ? [path.posix.dirname(url.slice('sqlite:'.length))] : [];
  // SQLite's temporary files, and anything Node or a library puts in os.tmpdir().
  return ['/tmp', ...sqlite];
}

function writableMounts(spec: IPodSpec) {
  const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
  return (botContainer(spec).volumeMounts ?? [])
    .filter((m) => m.readOnly !== true)
    .map((m) => ({ ...m, volume: volumes.get(m.name) }));
}

reportMissingKubectl('tests/deploy/image.test.ts');

describe('the Dockerfile', () => {
  it('builds and runs on the same Node 24 image, so the native addon matches the runtime', () => {
    expect(stages.map((s) => s.image)).toEqual(['node:24-bookworm-slim', 'node:24-bookworm-slim']);
  });

  it('runs as a numeric non-root user that owns the SQLite directory it declares as a volume', () => {
    expect(runtime.user).toMatch(/^\d+:\d+$/);
    expect(imageUser).toEqual({ uid: 1000, gid: 1000 });
    const sqliteDir = path.posix.dirname((runtime.env.DATABASE_URL ?? '').replace(/^sqlite:/, ''));
    expect(sqliteDir).toBe('/app/var');
    expect(runtime.volumes).toContain(sqliteDir);
    const owner = runtime.chowned.find((c) => c.path === sqliteDir)?.owner;
    expect(resolveUser(owner)).toEqual(imageUser);
  });
});

describe.skipIf(!KUBECTL_AVAILABLE).each(OVERLAYS)('overlays/%s against the image', (overlay) => {
  it('runs the pod as the image’s user, with its group as fsGroup so volumes are writable to it', async () => {
    const spec = podSpecOf(theDeployment(await renderOverlay(overlay)));
    const sc = { ...spec.securityContext, ...botContainer(spec).securityContext };
    expect(sc.runAsUser).toBe(imageUser.uid);
    expect(sc.runAsGroup).toBe(imageUser.gid);
    expect(spec.securityContext?.fsGroup).toBe(imageUser.gid);
    expect(sc.readOnlyRootFilesystem).toBe(true);
  });

  it('mounts a writable volume, owned through fsGroup, wherever the bot writes, and nowhere else', async () => {
    const spec = podSpecOf(theDeployment(await renderOverlay(overlay)));
    const mounts = writableMounts(spec);
    for (const m of mounts) {
      // The kubelet gives emptyDir and PersistentVolumeClaim volumes to fsGroup; a configMap or secret is read-only.
      expect(
        m.volume?.emptyDir ?? m.volume?.persistentVolumeClaim,
        `${m.mountPath} is emptyDir or a PVC`,
      ).toBeDefined();
      expect(m.subPath, `${m.mountPath} is a whole volume`).toBeUndefined();
    }
    const written = writtenPaths(botContainer(spec));
    for (const p of written)
      expect(
        mounts.some((m) => isWithin(p, m.mountPath)),
        `${p} is on a writable volume`,
      ).toBe(true);
    for (const m of mounts)
      expect(
        written.some((p) => isWithin(p, m.mountPath)),
        `${m.mountPath} is written`,
      ).toBe(true);
  });

  it('mounts nothing over what the image ships (the app, its modules, its data)', async () => {
    const spec = podSpecOf(theDeployment(await renderOverlay(overlay)));
    const shipped = [runtime.workdir, ...runtime.copied];
    expect(runtime.copied).toEqual(expect.arrayContaining(['/app/dist', '/app/node_modules', '/app/data']));
    for (const m of botContainer(spec).volumeMounts ?? [])
      for (const s of shipped) expect(isWithin(s, m.mountPath), `${m.mountPath} would hide ${s}`).toBe(false);
  });
});
