import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OVERLAYS = ['single', 'ha'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** A rendered Kubernetes object: only the type metadata is known before it is validated. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** Whether `kubectl` (with its built-in kustomize) is on PATH. The manifest tests skip without it. */
export const KUBECTL_AVAILABLE =
  spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/** Says once per test file, in one line, that the manifest tests are skipped. */
export function reportMissingKubectl(file: string): void {
  if (!KUBECTL_AVAILABLE)
    console.warn(`${file}: kubectl is not on PATH, so these manifest tests are skipped (CI has it)`);
}

const run = promisify(execFile);
const rendered = new Map<Overlay, Promise<KubeObject[]>>();

/** `kubectl kustomize deploy/kubernetes/overlays/<overlay>`, as plain kubectl runs it (default load restrictor). */
export function renderOverlay(overlay: Overlay): Promise<KubeObject[]> {
  let objects = rendered.get(overlay);
  if (!objects) {
    objects = run('kubectl', ['kustomize', `deploy/kubernetes/overlays/${overlay}`], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    }).then(({ stdout }) => parseObjects(stdout));
    rendered.set(overlay, objects);
  }
  return objects;
}

function parseObjects(text: string): KubeObject[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`kustomize printed bad YAML: ${doc.errors[0]?.message}`);
    const obj: unknown = doc.toJS();
    if (!isKubeObject(obj)) throw new Error(`not a Kubernetes object: ${JSON.stringify(obj).slice(0, 200)}`);
    return obj;
  });
}

function isKubeObject(v: unknown): v is KubeObject {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const meta = o.metadata as Record<string, unknown> | undefined;
  return typeof o.apiVersion === 'string' && typeof o.kind === 'string' && typeof meta?.name === 'string';
}

export function objectsOfKind(objects: KubeObject[], kind: string): KubeObject[] {
  return objects.filter((o) => o.kind === kind);
}

/** The one Deployment of an overlay (tests/deploy validates it against the schema before relying on its shape). */
export function theDeployment(objects: KubeObject[]): IDeployment {
  const found = objectsOfKind(objects, 'Deployment');
  if (found.length !== 1) throw new Error(`expected one Deployment, found ${found.length}`);
  return found[0] as unknown as IDeployment;
}

export function podSpecOf(deployment: IDeployment): IPodSpec {
  const spec = deployment.spec?.template.spec;
  if (!spec) throw new Error('the Deployment has no pod spec');
  return spec;
}

/** Every container of a pod: init, regular and ephemeral, as the Pod Security Standards count them. */
export function allContainers(spec: IPodSpec): IContainer[] {
  return [
    ...(spec.initContainers ?? []),
    ...spec.containers,
    ...((spec.ephemeralContainers ?? []) as IContainer[]),
  ];
}

export function botContainer(spec: IPodSpec): IContainer {
  const c = spec.containers.find((x) => x.name === 'osm-feature-bot');
  if (!c) throw new Error('no osm-feature-bot container');
  return c;
}
