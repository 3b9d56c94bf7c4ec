import { describe, expect, it } from 'vitest';
import { isRoutableBody, parseSlackBody } from '../../../src/receiver/body-shape.js';

describe('isRoutableBody', () => {
  it.each([
    [{ command: '/osm-feature', text: 'x' }, true],
    [{ type: 'event_callback', event: { type: 'app_mention' } }, true],
    [{ type: 'url_verification', challenge: 'c' }, true],
    [{ ssl_check: '1' }, true],
    [{ type: 'block_actions', user: { id: 'U1' }, actions: [] }, true],
    [null, false],
    [[], false],
    ['string', false],
    [{ type: 'event_callback', event: null }, false],
    [{ type: 'event_callback', event: 'x' }, false],
    [{ type: 'block_actions', actions: [] }, false],
    [{ type: 'block_actions', user: { id: 'U1' } }, false],
    [{ type: 'view_submission', user: { id: 'U1' } }, false],
    [{ type: 'view_closed', user: { id: 'U1' }, view: null }, false],
    [{ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V1' } }, true],
    [{ command: 'no-slash' }, false],
    [{ hello: 'world' }, false],
  ])('%j → %s', (body, expected) => {
    expect(isRoutableBody(body)).toBe(expected);
  });
});

describe('parseSlackBody', () => {
  it('parses forms, form payloads and JSON as Bolt does', () => {
    expect(parseSlackBody('command=%2Fosm-feature&text=a', 'application/x-www-form-urlencoded')).toEqual({
      command: '/osm-feature',
      text: 'a',
    });
    expect(
      parseSlackBody(
        `payload=${encodeURIComponent('{"type":"block_actions"}')}`,
        'application/x-www-form-urlencoded',
      ),
    ).toEqual({ type: 'block_actions' });
    expect(parseSlackBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(() => parseSlackBody('{', 'application/json')).toThrow();
  });
});
