// The package's only public face: its exports map offers this module and nothing else, so whatever the
// sandbox, the tests or the benchmarks use is exported here.
export { type ApiReply, callApi } from './api-call.js';
export type { EventSendOptions } from './app-client.js';
export {
  assertViewWithinSlackLimits,
  assertWithinSlackLimits,
  BLOCK_KIT_LIMITS,
  collectBlockIssues,
  type LimitError,
  type LimitIssue,
  type MessageLike,
  rejectingIssues,
  validateMessage,
  validateView,
} from './block-kit-limits.js';
export { DEFAULT_CHANNELS, type NewMessage } from './conversations.js';
export { CookieJar } from './cookie-jar.js';
export { readBody, sendJson } from './http-io.js';
export type { InstallFlowOptions, InstallResult, PendingInstall } from './install-flow.js';
export type { LifecycleDelivery, RevokeOptions, UninstallOptions } from './lifecycle-events.js';
export type { BlockActionInput, BlockActionOptions, EventEnvelopeOptions } from './payloads.js';
export { DEFAULT_CHANNEL, DEFAULT_COMMAND, DEFAULT_USER } from './payloads.js';
export { type RateDecision, SlidingWindowRateLimiter } from './rate-limiter.js';
export type { CallMatch, WaitOptions } from './recorder.js';
export { signSlackRequest, verifySlackSignature } from './signing.js';
export type { EnvelopeOptions } from './socket-mode.js';
export { SlackStandin, STANDIN_APP_ID } from './standin.js';
export type { TeamOption } from './standin-world.js';
export type * from './team-types.js';
export type * from './types.js';
export { asArray, asString, isRecord } from './values.js';
export { IMPLEMENTED_METHODS } from './web-api.js';
