import type { IContainer, IPodSpec, ISecurityContext } from 'kubernetes-models/v1';
import { allContainers } from './kustomize.js';

/**
 * The Pod Security Standards' "restricted" profile (which includes "baseline"), checked on a pod spec the way
 * the PodSecurity admission controller does: a container setting wins over the pod's. Returns one line per
 * violation, empty when the pod is admitted. https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export function restrictedViolations(spec: IPodSpec): string[] {
  const problems: string[] = [];
  const pod = spec.securityContext ?? {};
  if (spec.hostNetwork) problems.push('hostNetwork');
  if (spec.hostPID) problems.push('hostPID');
  if (spec.hostIPC) problems.push('hostIPC');
  if (pod.windowsOptions?.hostProcess) problems.push('pod hostProcess');
  if (pod.runAsUser === 0) problems.push('pod runAsUser 0');
  if (pod.seccompProfile && !SECCOMP_ALLOWED.has(pod.seccompProfile.type))
    problems.push(`pod seccompProfile ${pod.seccompProfile.type}`);
  if (pod.appArmorProfile?.type === 'Unconfined') problems.push('pod appArmorProfile Unconfined');
  problems.push(...seLinuxProblems('pod', pod.seLinuxOptions));
  for (const s of pod.sysctls ?? []) if (!SAFE_SYSCTLS.has(s.name)) problems.push(`sysctl ${s.name}`);
  for (const v of spec.volumes ?? []) {
    const types = Object.keys(v).filter((k) => k !== 'name');
    for (const t of types) if (!VOLUME_TYPES.has(t)) problems.push(`volume ${v.name} is ${t}`);
  }
  for (const c of allContainers(spec)) problems.push(...containerProblems(c, spec));
  return problems;
}

function containerProblems(c: IContainer, spec: IPodSpec): string[] {
  const pod = spec.securityContext ?? {};
  const sc: ISecurityContext = c.securityContext ?? {};
  const at = (what: string) => `container ${c.name}: ${what}`;
  const problems: string[] = [];
  if (sc.privileged) problems.push(at('privileged'));
  if (sc.windowsOptions?.hostProcess) problems.push(at('hostProcess'));
  if (sc.allowPrivilegeEscalation !== false) problems.push(at('allowPrivilegeEscalation is not false'));
  if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) problems.push(at('runAsNonRoot is not true'));
  if (sc.runAsUser === 0) problems.push(at('runAsUser 0'));
  const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
  if (!seccomp || !SECCOMP_ALLOWED.has(seccomp)) problems.push(at(`seccompProfile is ${seccomp ?? 'unset'}`));
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(at('capabilities do not drop ALL'));
  for (const cap of sc.capabilities?.add ?? [])
    if (cap !== 'NET_BIND_SERVICE') problems.push(at(`adds ${cap}`));
  if (sc.procMount !== undefined && sc.procMount !== 'Default')
    problems.push(at(`procMount ${sc.procMount}`));
  if (sc.appArmorProfile?.type === 'Unconfined') problems.push(at('appArmorProfile Unconfined'));
  problems.push(...seLinuxProblems(`container ${c.name}`, sc.seLinuxOptions));
  for (const p of c.ports ?? []) if (p.hostPort) problems.push(at(`hostPort ${p.hostPort}`));
  return problems;
}

function seLinuxProblems(where: string, o: ISecurityContext['seLinuxOptions']): string[] {
  if (!o) return [];
  const problems: string[] = [];
  if (o.type && !SELINUX_TYPES.has(o.type)) problems.push(`${where}: seLinux type ${o.type}`);
  if (o.user || o.role) problems.push(`${where}: seLinux user or role set`);
  return problems;
}

const SECCOMP_ALLOWED = new Set(['RuntimeDefault', 'Localhost']);
const VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);
