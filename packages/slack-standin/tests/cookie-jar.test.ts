import { describe, expect, it } from 'vitest';
import { CookieJar } from '../src/index.js';

const APP = 'http://127.0.0.1:4000/slack/install';

describe('CookieJar', () => {
  it('keeps a cookie per host and path and sends it back, as Bolt’s state cookie needs', () => {
    const jar = new CookieJar(() => 0);
    jar.storeFrom(APP, [
      'slack-app-oauth-state=abc; Secure; HttpOnly; Path=/; Max-Age=600',
      'deep=1; Path=/admin',
    ]);
    expect(jar.header('http://127.0.0.1:4000/slack/oauth_redirect?code=x')).toBe('slack-app-oauth-state=abc');
    expect(jar.header('http://127.0.0.1:4000/admin/x')).toBe('slack-app-oauth-state=abc; deep=1');
    // Browsers scope cookies by host, not by port.
    expect(jar.get('http://127.0.0.1:5000/', 'slack-app-oauth-state')).toBe('abc');
    expect(jar.header('http://localhost:4000/')).toBeUndefined();
  });

  it('drops a cookie that expires, by Max-Age or by an Expires in the past', () => {
    let now = 0;
    const jar = new CookieJar(() => now);
    jar.storeFrom(APP, ['a=1; Path=/; Max-Age=10', 'b=2; Path=/']);
    jar.storeFrom(APP, ['b=deleted; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(jar.header(APP)).toBe('a=1');
    now = 10_000;
    expect(jar.header(APP)).toBeUndefined();
  });

  it('copies independently and lets a test forge or delete a cookie', () => {
    const jar = new CookieJar();
    jar.set(APP, 'state', 'real');
    const copy = jar.clone();
    jar.delete(APP, 'state');
    copy.set(APP, 'extra', 'x');
    expect(jar.header(APP)).toBeUndefined();
    expect(copy.header(APP)).toBe('state=real; extra=x');
  });
});
