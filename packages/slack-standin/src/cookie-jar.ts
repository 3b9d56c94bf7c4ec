interface StoredCookie {
  value: string;
  path: string;
  /** Epoch ms; a session cookie has none. */
  expiresAt?: number;
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  const prefix = cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`;
  return requestPath.startsWith(prefix);
}

/** The default path (https://www.rfc-editor.org/rfc/rfc6265#section-5.1.4): up to the last '/', or '/'. */
function defaultPath(url: URL): string {
  const cut = url.pathname.lastIndexOf('/');
  return cut <= 0 ? '/' : url.pathname.slice(0, cut);
}

/**
 * A browser's cookies, enough for an OAuth install: Set-Cookie with Path, Max-Age and Expires, sent back by
 * host and path. Like browsers, cookies are kept per host, not per port, and Secure cookies are still sent to
 * 127.0.0.1 (browsers treat loopback as a secure context), which is where Bolt's state cookie must go.
 */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, StoredCookie>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keep what a response's Set-Cookie headers say, for the URL that answered. */
  storeFrom(url: string | URL, setCookies: readonly string[]): void {
    const where = new URL(url);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie: StoredCookie = { value: pair.slice(eq + 1), path: defaultPath(where) };
      let maxAge: number | undefined;
      for (const attribute of attributes) {
        const [rawName = '', ...rest] = attribute.split('=');
        const name = rawName.trim().toLowerCase();
        const value = rest.join('=').trim();
        if (name === 'path' && value.startsWith('/')) cookie.path = value;
        if (name === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
        if (name === 'expires' && !Number.isNaN(Date.parse(value))) cookie.expiresAt = Date.parse(value);
      }
      // Max-Age wins over Expires (https://www.rfc-editor.org/rfc/rfc6265#section-5.3).
      if (maxAge !== undefined) cookie.expiresAt = this.now() + maxAge * 1000;
      this.put(where, pair.slice(0, eq).trim(), cookie);
    }
  }

  /** The Cookie header a browser sends to `url`, or undefined when it has none for it. */
  header(url: string | URL): string | undefined {
    const where = new URL(url);
    const cookies = [...(this.byHost.get(where.hostname) ?? new Map<string, StoredCookie>())]
      .filter(([, c]) => this.isLive(c) && pathMatches(where.pathname, c.path))
      .map(([name, c]) => `${name}=${c.value}`);
    return cookies.length > 0 ? cookies.join('; ') : undefined;
  }

  get(url: string | URL, name: string): string | undefined {
    const cookie = this.byHost.get(new URL(url).hostname)?.get(name);
    return cookie && this.isLive(cookie) ? cookie.value : undefined;
  }

  /** Set a cookie by hand, as a test that forges a browser's state would. */
  set(url: string | URL, name: string, value: string, path = '/'): void {
    this.put(new URL(url), name, { value, path });
  }

  delete(url: string | URL, name: string): void {
    this.byHost.get(new URL(url).hostname)?.delete(name);
  }

  /** A copy that changes independently from now on: to replay a request with cookies a later answer deleted. */
  clone(): CookieJar {
    const copy = new CookieJar(this.now);
    for (const [host, cookies] of this.byHost) {
      copy.byHost.set(host, new Map([...cookies].map(([name, c]) => [name, { ...c }])));
    }
    return copy;
  }

  private put(where: URL, name: string, cookie: StoredCookie): void {
    const cookies = this.byHost.get(where.hostname) ?? new Map<string, StoredCookie>();
    if (this.isLive(cookie)) cookies.set(name, cookie);
    else cookies.delete(name);
    this.byHost.set(where.hostname, cookies);
  }

  private isLive(cookie: StoredCookie): boolean {
    return cookie.expiresAt === undefined || cookie.expiresAt > this.now();
  }
}
