import { webApi } from '@slack/bolt';

/** The `error` of a Web API call Slack answered with ok:false; undefined for any other failure. */
export function platformError(err: unknown): string | undefined {
  if (
    err instanceof Error &&
    'code' in err &&
    err.code === webApi.ErrorCode.PlatformError &&
    'data' in err &&
    typeof err.data === 'object' &&
    err.data !== null
  ) {
    return String((err.data as { error?: unknown }).error ?? 'unknown_error');
  }
  return undefined;
}
