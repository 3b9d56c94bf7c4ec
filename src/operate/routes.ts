/**
 * The operational HTTP paths, in one place: the app serves them and the Kubernetes manifests probe and scrape
 * them (tests/deploy checks the manifests against these constants).
 */

/** Liveness: 200 while the process can serve. */
export const HEALTH_PATH = '/healthz';

/** Readiness: 200 when the registry is loaded, the store answers and Slack is reachable; otherwise 503 with JSON. */
export const READY_PATH = '/readyz';

/** Prometheus text exposition, on PORT or on METRICS_PORT when that is set. */
export const METRICS_PATH = '/metrics';
