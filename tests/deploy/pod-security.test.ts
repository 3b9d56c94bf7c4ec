import type { IPodSpec, IServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import {
  allContainers,
  KUBECTL_AVAILABLE,
  OVERLAYS,
  objectsOfKind,
  podSpecOf,
  renderOverlay,
  reportMissingKubectl,
  theDeployment,
} from './support/kustomize.js';
import { restrictedViolations } from './support/pod-security.js';

reportMissingKubectl('tests/deploy/pod-security.test.ts');

describe('the restricted Pod Security Standard check', () => {
  it('finds what PodSecurity admission would refuse', () => {
    const spec: IPodSpec = {
      hostNetwork: true,
      securityContext: { runAsNonRoot: true },
      volumes: [{ name: 'host', hostPath: { path: '/var/run' } }],
      containers: [
        {
          name: 'app',
          ports: [{ containerPort: 80, hostPort: 80 }],
          securityContext: { capabilities: { add: ['NET_ADMIN'] } },
        },
      ],
    };
    expect(restrictedViolations(spec)).toEqual([
      'hostNetwork',
      'volume host is hostPath',
      'container app: allowPrivilegeEscalation is not false',
      'container app: seccompProfile is unset',
      'container app: capabilities do not drop ALL',
      'container app: adds NET_ADMIN',
      'container app: hostPort 80',
    ]);
  });
});

describe.skipIf(!KUBECTL_AVAILABLE).each(OVERLAYS)('overlays/%s pod security', (overlay) => {
  it('is admitted under the restricted Pod Security Standard', async () => {
    expect(restrictedViolations(podSpecOf(theDeployment(await renderOverlay(overlay))))).toEqual([]);
  });

  it('sets every restricted field itself, on the pod and on every container', async () => {
    const spec = podSpecOf(theDeployment(await renderOverlay(overlay)));
    expect(spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const containers = allContainers(spec);
    expect(containers.length).toBeGreaterThan(0);
    for (const c of containers) {
      expect(c.securityContext, c.name).toEqual({
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
    }
  });

  it('mounts no Kubernetes API token: the bot never calls the API', async () => {
    const objects = await renderOverlay(overlay);
    const spec = podSpecOf(theDeployment(objects));
    expect(spec.automountServiceAccountToken).toBe(false);
    const accounts = objectsOfKind(objects, 'ServiceAccount') as unknown as IServiceAccount[];
    expect(accounts.map((a) => [a.metadata?.name, a.automountServiceAccountToken])).toEqual([
      [spec.serviceAccountName, false],
    ]);
  });
});
