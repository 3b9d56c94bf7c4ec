import { CookieJar } from './cookie-jar.js';
import { AUTHORIZE_PATH } from './oauth-server.js';
import type { HttpResult } from './types.js';

const MAX_REDIRECTS = 5;

export interface InstallFlowOptions {
  /** The app's install page, e.g. `${appUrl}/slack/install`. */
  installUrl: string;
  /** The workspace that approves, or an enterprise id for an org-wide install (default: the default team). */
  team?: string;
  /** The person who clicks Allow (default: the team's default user). */
  user?: string;
  /** The browser's cookies (default: a fresh jar). */
  cookieJar?: CookieJar;
  /** Click Cancel instead of Allow: Slack sends the browser back with error=access_denied. */
  deny?: boolean;
}

/** An install stopped where Slack sends the browser back to the app, so a test can alter that step. */
export interface PendingInstall {
  installPage: HttpResult;
  /** The stand-in authorize URL the install page linked to, as the browser opened it. */
  authorizeUrl: string;
  /** The app's redirect URL with code and state: change it (or the jar) to test a refusal. */
  redirectUrl: string;
  cookieJar: CookieJar;
  /** Open a redirect URL (default this one) with a jar (default this one); the app's final answer. */
  finish(url?: string, jar?: CookieJar): Promise<HttpResult>;
}

export interface InstallResult extends HttpResult {
  installPage: HttpResult;
  redirectUrl: string;
  cookieJar: CookieJar;
}

/** One GET as a browser sends it: the jar's cookies out, Set-Cookie kept, redirects not followed. */
export async function browserGet(url: string, jar: CookieJar): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  const cookie = jar.header(url);
  if (cookie !== undefined) headers.cookie = cookie;
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  jar.storeFrom(url, response.headers.getSetCookie());
  const record: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    record[key] = value;
  });
  return { status: response.status, headers: record, body: await response.text() };
}

/** Follow http(s) redirects like a browser; one to slack:// (the app's "open Slack") is where it stops. */
export async function browse(url: string, jar: CookieJar): Promise<HttpResult> {
  let at = url;
  for (let hop = 0; ; hop += 1) {
    const result = await browserGet(at, jar);
    const location = result.headers.location;
    if (result.status < 300 || result.status >= 400 || location === undefined || hop >= MAX_REDIRECTS)
      return result;
    const next = new URL(location, at);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return result;
    at = next.toString();
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The Add to Slack link of an install page: a 302 to it (direct install) or an href in the HTML. */
function addToSlackLink(page: HttpResult, pageUrl: string): URL | undefined {
  if (page.status >= 300 && page.status < 400 && page.headers.location)
    return new URL(page.headers.location, pageUrl);
  for (const match of page.body.matchAll(/href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = decodeEntities(match[1] ?? match[2] ?? '');
    if (!URL.canParse(href, pageUrl)) continue;
    const url = new URL(href, pageUrl);
    if (url.pathname === AUTHORIZE_PATH) return url;
  }
  return undefined;
}

/**
 * A browser's steps up to the way back: open the app's install page (which sets Bolt's state cookie),
 * follow its Add to Slack link to the stand-in's authorize URL, approve there as `team`.
 */
export async function startInstall(standinUrl: string, opts: InstallFlowOptions): Promise<PendingInstall> {
  const jar = opts.cookieJar ?? new CookieJar();
  const installPage = await browserGet(opts.installUrl, jar);
  const link = addToSlackLink(installPage, opts.installUrl);
  const ours = new URL(AUTHORIZE_PATH, standinUrl);
  if (!link || link.origin !== ours.origin) {
    throw new Error(
      `install: ${opts.installUrl} (HTTP ${installPage.status}) links to ${link?.toString() ?? 'no authorize URL'}; ` +
        `give InstallProvider authorizationUrl: '${ours.toString()}'`,
    );
  }
  if (opts.team !== undefined) link.searchParams.set('team', opts.team);
  if (opts.user !== undefined) link.searchParams.set('standin_user', opts.user);
  if (opts.deny) link.searchParams.set('standin_decision', 'deny');
  const authorizeUrl = link.toString();
  const approved = await browserGet(authorizeUrl, jar);
  const redirectUrl = approved.headers.location;
  if (approved.status !== 302 || redirectUrl === undefined) {
    throw new Error(
      `install: the stand-in refused ${authorizeUrl} (HTTP ${approved.status}): ${approved.body}`,
    );
  }
  return {
    installPage,
    authorizeUrl,
    redirectUrl,
    cookieJar: jar,
    finish: (url = redirectUrl, withJar = jar) => browse(url, withJar),
  };
}
