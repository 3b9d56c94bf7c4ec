/** What names an installation: a workspace, or an organisation for an org-wide install. */
export interface InstallationScope {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

const TEAM = 'T:';
const ORG = 'E:';

/**
 * The row an installation lives in, keyed as Slack keys installations: by organisation for an org-wide
 * install (https://api.slack.com/enterprise/apps), else by workspace. Undefined when the scope names neither.
 */
export function installationKey(scope: InstallationScope): string | undefined {
  if (scope.isEnterpriseInstall) return scope.enterpriseId ? `${ORG}${scope.enterpriseId}` : undefined;
  return scope.teamId ? `${TEAM}${scope.teamId}` : undefined;
}

/**
 * The rows that may serve a request, best first: the workspace's own install, then an org-wide install of
 * its organisation (which serves every workspace it was granted).
 */
export function candidateKeys(scope: InstallationScope): string[] {
  if (scope.isEnterpriseInstall) return scope.enterpriseId ? [`${ORG}${scope.enterpriseId}`] : [];
  return [
    ...(scope.teamId ? [`${TEAM}${scope.teamId}`] : []),
    ...(scope.enterpriseId ? [`${ORG}${scope.enterpriseId}`] : []),
  ];
}
