import { readFileSync } from 'node:fs';
import { Deployment } from 'kubernetes-models/apps/v1';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  type IConfigMap,
  type IPersistentVolumeClaim,
  type IService,
  PersistentVolumeClaim,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import {
  botContainer,
  KUBECTL_AVAILABLE,
  OVERLAYS,
  objectsOfKind,
  podSpecOf,
  REPO_ROOT,
  renderOverlay,
  reportMissingKubectl,
  theDeployment,
} from './support/kustomize.js';

interface Validatable {
  validate(): void;
}
const model =
  <T>(ModelClass: new (data: T) => Validatable) =>
  (data: unknown): Validatable =>
    new ModelClass(data as T);

/** The schema of every kind the manifests may render; a new kind must be added here to be checked. */
const MODELS: Record<string, (data: unknown) => Validatable> = {
  'apps/v1 Deployment': model(Deployment),
  'v1 Service': model(Service),
  'v1 ServiceAccount': model(ServiceAccount),
  'v1 ConfigMap': model(ConfigMap),
  'v1 PersistentVolumeClaim': model(PersistentVolumeClaim),
  'policy/v1 PodDisruptionBudget': model(PodDisruptionBudget),
};

const SECRET_NAME = 'osm-feature-bot-slack';
const NAMESPACE = 'osm-feature-bot';

reportMissingKubectl('tests/deploy/manifests.test.ts');

describe('the Kubernetes schema check', () => {
  it('refuses a Deployment whose port is text', () => {
    const broken = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        selector: {},
        template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 'http' }] }] } },
      },
    };
    expect(() => MODELS['apps/v1 Deployment']?.(broken).validate()).toThrow(/containerPort must be integer/);
  });
});

describe.skipIf(!KUBECTL_AVAILABLE)('kubectl kustomize deploy/kubernetes/overlays/*', () => {
  describe.each(OVERLAYS)('overlays/%s', (overlay) => {
    it('renders objects that all validate against the Kubernetes API schemas', async () => {
      const objects = await renderOverlay(overlay);
      expect(objects.length).toBeGreaterThanOrEqual(5);
      for (const obj of objects) {
        const validate = MODELS[`${obj.apiVersion} ${obj.kind}`];
        expect(validate, `a schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
        expect(() => validate?.(obj).validate(), `${obj.kind}/${obj.metadata.name}`).not.toThrow();
      }
    });

    it('puts everything in one namespace, labelled, with unique names per kind', async () => {
      const objects = await renderOverlay(overlay);
      expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(new Set([NAMESPACE]));
      for (const o of objects) expect(o.metadata.labels?.['app.kubernetes.io/name']).toBe('osm-feature-bot');
      const keys = objects.map((o) => `${o.kind}/${o.metadata.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('refers to the Secret by name and never creates it', async () => {
      const objects = await renderOverlay(overlay);
      expect(objectsOfKind(objects, 'Secret')).toEqual([]);
      const container = botContainer(podSpecOf(theDeployment(objects)));
      expect(container.envFrom).toEqual([{ secretRef: { name: SECRET_NAME } }]);
      for (const e of container.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) expect(ref.name).toBe(SECRET_NAME);
      }
    });

    it('selects its own pods from the Service (and the PodDisruptionBudget)', async () => {
      const objects = await renderOverlay(overlay);
      const deployment = theDeployment(objects);
      const podLabels = deployment.spec?.template.metadata?.labels ?? {};
      expect(deployment.spec?.selector.matchLabels).toEqual(podLabels);
      const [service] = objectsOfKind(objects, 'Service') as unknown as IService[];
      expect(Object.keys(service?.spec?.selector ?? {}).length).toBeGreaterThan(0);
      expect(podLabels).toMatchObject(service?.spec?.selector ?? { missing: 'selector' });
      expect(service?.spec?.ports?.map((p) => p.targetPort)).toEqual(['http']);
      for (const pdb of objectsOfKind(objects, 'PodDisruptionBudget') as unknown as IPodDisruptionBudget[])
        expect(podLabels).toMatchObject(pdb.spec?.selector?.matchLabels ?? { missing: 'selector' });
    });

    it('mounts only volumes it declares, and declares only objects it renders (or the Secret)', async () => {
      const objects = await renderOverlay(overlay);
      const spec = podSpecOf(theDeployment(objects));
      const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
      const mounts = botContainer(spec).volumeMounts ?? [];
      expect(new Set(mounts.map((m) => m.name))).toEqual(new Set(volumes.keys()));
      const names = (kind: string) => objectsOfKind(objects, kind).map((o) => o.metadata.name);
      for (const v of volumes.values()) {
        if (v.configMap) expect(names('ConfigMap')).toContain(v.configMap.name);
        if (v.persistentVolumeClaim)
          expect(names('PersistentVolumeClaim')).toContain(v.persistentVolumeClaim.claimName);
      }
      expect(names('ServiceAccount')).toContain(spec.serviceAccountName);
    });

    it('ships data/features.yml as the registry ConfigMap, mounted as a directory at REGISTRY_PATH', async () => {
      const objects = await renderOverlay(overlay);
      const spec = podSpecOf(theDeployment(objects));
      const container = botContainer(spec);
      const registryPath = container.env?.find((e) => e.name === 'REGISTRY_PATH')?.value ?? '';
      const mount = container.volumeMounts?.find((m) => registryPath.startsWith(`${m.mountPath}/`));
      expect(mount, `a volume mounted above ${registryPath}`).toBeDefined();
      // A subPath mount is never updated by the kubelet: the bot would not see a new registry until restarted.
      expect(mount?.subPath).toBeUndefined();
      expect(mount?.readOnly).toBe(true);
      const volume = spec.volumes?.find((v) => v.name === mount?.name);
      const [configMap] = (objectsOfKind(objects, 'ConfigMap') as unknown as IConfigMap[]).filter(
        (cm) => cm.metadata?.name === volume?.configMap?.name,
      );
      const key = registryPath.slice((mount?.mountPath.length ?? 0) + 1);
      expect(configMap?.data?.[key]).toBe(readFileSync(`${REPO_ROOT}data/features.yml`, 'utf8'));
    });
  });

  it('single: one replica on SQLite in a ReadWriteOnce volume, replaced with Recreate', async () => {
    const objects = await renderOverlay('single');
    const deployment = theDeployment(objects);
    expect(deployment.spec?.replicas).toBe(1);
    // Two pods must never open the SQLite file at once, so the old one stops before the new one starts.
    expect(deployment.spec?.strategy).toEqual({ type: 'Recreate' });
    const spec = podSpecOf(deployment);
    const databaseUrl = botContainer(spec).env?.find((e) => e.name === 'DATABASE_URL');
    expect(databaseUrl?.value).toBe('sqlite:/app/var/osm-feature-bot.db');
    const [pvc] = objectsOfKind(objects, 'PersistentVolumeClaim') as unknown as IPersistentVolumeClaim[];
    expect(pvc?.spec?.accessModes).toEqual(['ReadWriteOnce']);
    const varVolume = spec.volumes?.find((v) => v.persistentVolumeClaim?.claimName === pvc?.metadata?.name);
    expect(botContainer(spec).volumeMounts?.find((m) => m.name === varVolume?.name)?.mountPath).toBe(
      '/app/var',
    );
    expect(objectsOfKind(objects, 'PodDisruptionBudget')).toEqual([]);
  });

  it('ha: three replicas on PostgreSQL from the Secret, spread over nodes, kept two up by a budget', async () => {
    const objects = await renderOverlay('ha');
    const deployment = theDeployment(objects);
    expect(deployment.spec?.replicas).toBe(3);
    expect(deployment.spec?.strategy?.type).toBe('RollingUpdate');
    expect(deployment.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    const spec = podSpecOf(deployment);
    const databaseUrl = botContainer(spec).env?.find((e) => e.name === 'DATABASE_URL');
    expect(databaseUrl?.value).toBeUndefined();
    expect(databaseUrl?.valueFrom?.secretKeyRef).toEqual({ name: SECRET_NAME, key: 'DATABASE_URL' });
    expect(objectsOfKind(objects, 'PersistentVolumeClaim')).toEqual([]);
    expect(spec.volumes?.some((v) => v.persistentVolumeClaim)).toBe(false);

    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    const byNode = spec.topologySpreadConstraints?.find((c) => c.topologyKey === 'kubernetes.io/hostname');
    expect(byNode).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' });
    expect(podLabels).toMatchObject(byNode?.labelSelector?.matchLabels ?? { missing: 'selector' });

    const [pdb] = objectsOfKind(objects, 'PodDisruptionBudget') as unknown as IPodDisruptionBudget[];
    const allowedDown = pdb?.spec?.maxUnavailable ?? 3 - Number(pdb?.spec?.minAvailable ?? 0);
    expect(allowedDown).toBe(1);
  });
});
