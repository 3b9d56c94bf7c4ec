import { readFileSync } from 'node:fs';
import type { IContainer, IHTTPGetAction } from 'kubernetes-models/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { HEALTH_PATH, METRICS_PATH, READY_PATH } from '../../src/operate/routes.js';
import { type BotUnderTest, startBotUnderTest } from '../e2e/support/bot-under-test.js';
import { parseDockerfile } from './support/dockerfile.js';
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

/** The app's contract: after SIGTERM it stops accepting, settles what it holds and exits 0 within 25 s. */
const SHUTDOWN_SECONDS = 25;

const runtime = parseDockerfile(readFileSync(`${REPO_ROOT}Dockerfile`, 'utf8')).at(-1);

/** The container port a probe or annotation names (by name or number), or undefined when none matches. */
function containerPort(container: IContainer, port: IHTTPGetAction['port'] | undefined): number | undefined {
  const found = container.ports?.find((p) => p.name === port || p.containerPort === Number(port));
  return found?.containerPort;
}

reportMissingKubectl('tests/deploy/probes.test.ts');

describe('the port the app listens on', () => {
  it('is the same in config.ts, the Dockerfile’s ENV and EXPOSE', () => {
    const { port, host } = loadConfig({});
    expect(port).toBe(3000);
    // The kubelet probes the pod's IP, so the app must listen on every interface by default.
    expect(host).toBe('0.0.0.0');
    expect(runtime?.env.PORT).toBe(String(port));
    expect(runtime?.exposed).toEqual([port]);
  });
});

describe('the app serves the liveness path the manifests probe', () => {
  let t: BotUnderTest;
  beforeAll(async () => {
    t = await startBotUnderTest();
  });
  afterAll(async () => {
    await t.close();
  });

  it(`answers GET ${HEALTH_PATH} with 200 in HTTP mode`, async () => {
    const res = await fetch(`${t.appUrl}${HEALTH_PATH}`);
    expect(res.status).toBe(200);
  });
});

describe.skipIf(!KUBECTL_AVAILABLE).each(OVERLAYS)('overlays/%s probes and ports', (overlay) => {
  it('probes the app’s health and readiness paths on the port it listens on', async () => {
    const container = botContainer(podSpecOf(theDeployment(await renderOverlay(overlay))));
    const port = Number(container.env?.find((e) => e.name === 'PORT')?.value);
    expect(port).toBe(loadConfig({}).port);
    expect(container.ports?.map((p) => p.containerPort)).toEqual([port]);
    const probes = {
      startup: container.startupProbe?.httpGet,
      liveness: container.livenessProbe?.httpGet,
      readiness: container.readinessProbe?.httpGet,
    };
    expect(probes.startup?.path).toBe(HEALTH_PATH);
    expect(probes.liveness?.path).toBe(HEALTH_PATH);
    expect(probes.readiness?.path).toBe(READY_PATH);
    for (const probe of Object.values(probes)) expect(containerPort(container, probe?.port)).toBe(port);
  });

  it('tells Prometheus to scrape the metrics path on that port', async () => {
    const deployment = theDeployment(await renderOverlay(overlay));
    const annotations = deployment.spec?.template.metadata?.annotations ?? {};
    const container = botContainer(podSpecOf(deployment));
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/path']).toBe(METRICS_PATH);
    expect(containerPort(container, annotations['prometheus.io/port'])).toBeDefined();
    // METRICS_PORT unset: the app serves /metrics on PORT.
    expect(container.env?.some((e) => e.name === 'METRICS_PORT')).toBe(false);
  });

  it('gives the graceful stop its 25 s after the preStop pause, before SIGKILL', async () => {
    const spec = podSpecOf(theDeployment(await renderOverlay(overlay)));
    const preStop = botContainer(spec).lifecycle?.preStop;
    const pause = preStop?.sleep?.seconds ?? 0;
    // Long enough for the endpoints to drop the pod, short against the shutdown budget.
    expect(pause).toBeGreaterThanOrEqual(3);
    expect(pause).toBeLessThanOrEqual(10);
    // The grace period counts from the start of preStop, so it must hold the pause and the shutdown.
    expect(spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(pause + SHUTDOWN_SECONDS + 2);
    expect(spec.terminationGracePeriodSeconds).toBeLessThanOrEqual(60);
  });
});
