/** The code NotInstalledError carries, for code that sorts errors by code. */
export const NOT_INSTALLED = 'osm_not_installed';

/** The workspace has no active installation: never installed, uninstalled, or its tokens revoked. */
export class NotInstalledError extends Error {
  readonly code = NOT_INSTALLED;
  constructor(what: string, options?: ErrorOptions) {
    super(`${what} has no active installation of the app`, options);
  }
}

/** Whether an error (or the error Bolt wrapped around it) says the workspace is not installed. */
export function isNotInstalled(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === NOT_INSTALLED) return true;
  return 'original' in error && isNotInstalled(error.original);
}
