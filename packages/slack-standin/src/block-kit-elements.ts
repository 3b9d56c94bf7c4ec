import { asArray, asString, isRecord } from './values.js';

/**
 * Element-level Block Kit checks (text objects, interactive elements, options).
 * Limits come from @slack/types JSDoc and Slack's Block Kit reference. Pure functions.
 */

export type LimitError =
  | 'invalid_blocks'
  | 'invalid_arguments'
  | 'msg_too_long'
  | 'msg_blocks_too_long'
  | 'view_too_large'
  | 'missing_text'
  | 'no_text';

export interface LimitIssue {
  error: LimitError;
  /** Slack-style: "[ERROR] <what> [json-pointer:/blocks/0/text/text]". */
  message: string;
}

/** Accumulates issues and the total characters of block text (Slack's msg_blocks_too_long is a total). */
export interface Collector {
  issues: LimitIssue[];
  textChars: number;
}

export function report(
  c: Collector,
  pointer: string,
  what: string,
  error: LimitError = 'invalid_blocks',
): void {
  c.issues.push({ error, message: `[ERROR] ${what} [json-pointer:${pointer}]` });
}

export function checkMaxLength(c: Collector, value: unknown, max: number, pointer: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string') report(c, pointer, 'must be a string');
  else if (value.length > max) report(c, pointer, `must be at most ${max} characters (got ${value.length})`);
}

export function checkId(c: Collector, value: unknown, pointer: string): void {
  checkMaxLength(c, value, 255, pointer);
}

export interface TextObjectRules {
  max: number;
  plainOnly?: boolean;
}

/** A plain_text or mrkdwn object: 1..max characters of text. */
export function checkTextObject(c: Collector, value: unknown, pointer: string, rules: TextObjectRules): void {
  if (!isRecord(value)) {
    report(c, pointer, 'must be a text object');
    return;
  }
  const allowed = rules.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    report(c, `${pointer}/type`, `must be one of ${allowed.join(', ')}`);
  }
  const text = value.text;
  if (typeof text !== 'string' || text.length === 0) {
    report(c, `${pointer}/text`, 'must be a non-empty string');
    return;
  }
  c.textChars += text.length;
  if (text.length > rules.max) {
    report(c, `${pointer}/text`, `must be at most ${rules.max} characters (got ${text.length})`);
  }
}

function checkOption(c: Collector, value: unknown, pointer: string, plainOnly: boolean): void {
  if (!isRecord(value)) {
    report(c, pointer, 'must be an option object');
    return;
  }
  checkTextObject(c, value.text, `${pointer}/text`, { max: 75, plainOnly });
  // The types' JSDoc says 75 for value; newer docs say 150. Accept the larger one.
  if (typeof value.value !== 'string') report(c, `${pointer}/value`, 'must be a string');
  else checkMaxLength(c, value.value, 150, `${pointer}/value`);
  if (value.description !== undefined) {
    checkTextObject(c, value.description, `${pointer}/description`, { max: 75, plainOnly: true });
  }
  checkMaxLength(c, value.url, 3000, `${pointer}/url`);
}

function checkOptionList(
  c: Collector,
  value: unknown,
  pointer: string,
  limits: { min: number; max: number; plainOnly: boolean },
): void {
  const list = asArray(value);
  if (!list) {
    report(c, pointer, 'must be an array');
    return;
  }
  if (list.length < limits.min || list.length > limits.max) {
    report(c, pointer, `must have ${limits.min}..${limits.max} items (got ${list.length})`);
  }
  list.forEach((o, i) => {
    checkOption(c, o, `${pointer}/${i}`, limits.plainOnly);
  });
}

function checkSelectOptions(c: Collector, el: Record<string, unknown>, pointer: string): void {
  if (el.options === undefined && el.option_groups === undefined) {
    report(c, pointer, 'must have options or option_groups');
  }
  if (el.options !== undefined) {
    checkOptionList(c, el.options, `${pointer}/options`, { min: 1, max: 100, plainOnly: true });
  }
  const groups = el.option_groups;
  if (groups === undefined) return;
  const list = asArray(groups);
  if (!list || list.length > 100) {
    report(c, `${pointer}/option_groups`, 'must be an array of at most 100 groups');
    return;
  }
  list.forEach((g, i) => {
    const gp = `${pointer}/option_groups/${i}`;
    if (!isRecord(g)) {
      report(c, gp, 'must be an option group');
      return;
    }
    checkTextObject(c, g.label, `${gp}/label`, { max: 75, plainOnly: true });
    checkOptionList(c, g.options, `${gp}/options`, { min: 1, max: 100, plainOnly: true });
  });
}

const PLACEHOLDER_ELEMENTS = new Set([
  'channels_select',
  'conversations_select',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'external_select',
  'multi_channels_select',
  'multi_conversations_select',
  'multi_external_select',
  'multi_static_select',
  'multi_users_select',
  'number_input',
  'plain_text_input',
  'rich_text_input',
  'static_select',
  'timepicker',
  'url_text_input',
  'users_select',
]);

const OTHER_ELEMENTS = new Set(['button', 'checkboxes', 'file_input', 'image', 'overflow', 'radio_buttons']);

export function isKnownElementType(type: string): boolean {
  return PLACEHOLDER_ELEMENTS.has(type) || OTHER_ELEMENTS.has(type) || type === 'workflow_button';
}

export function checkImageElement(c: Collector, el: Record<string, unknown>, pointer: string): void {
  if (el.image_url === undefined && el.slack_file === undefined) {
    report(c, pointer, 'image needs image_url or slack_file');
  }
  checkMaxLength(c, el.image_url, 3000, `${pointer}/image_url`);
  if (typeof el.alt_text !== 'string') report(c, `${pointer}/alt_text`, 'must be a string');
  else checkMaxLength(c, el.alt_text, 2000, `${pointer}/alt_text`);
}

/** An interactive element (accessory, actions element, input element). */
export function checkElement(c: Collector, value: unknown, pointer: string): void {
  if (!isRecord(value) || typeof value.type !== 'string') {
    report(c, pointer, 'must be an element object with a type');
    return;
  }
  const el = value;
  const type = asString(el.type) ?? '';
  if (!isKnownElementType(type)) {
    report(c, `${pointer}/type`, `unknown element type '${type}'`);
    return;
  }
  checkId(c, el.action_id, `${pointer}/action_id`);
  if (PLACEHOLDER_ELEMENTS.has(type) && el.placeholder !== undefined) {
    checkTextObject(c, el.placeholder, `${pointer}/placeholder`, { max: 150, plainOnly: true });
  }
  if (type === 'button' || type === 'workflow_button') {
    checkTextObject(c, el.text, `${pointer}/text`, { max: 75, plainOnly: true });
    checkMaxLength(c, el.value, 2000, `${pointer}/value`);
    checkMaxLength(c, el.url, 3000, `${pointer}/url`);
    if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
      report(c, `${pointer}/style`, 'must be primary or danger');
    }
  } else if (type === 'static_select' || type === 'multi_static_select') {
    checkSelectOptions(c, el, pointer);
  } else if (type === 'overflow') {
    checkOptionList(c, el.options, `${pointer}/options`, { min: 1, max: 5, plainOnly: true });
  } else if (type === 'checkboxes' || type === 'radio_buttons') {
    checkOptionList(c, el.options, `${pointer}/options`, { min: 1, max: 10, plainOnly: false });
  } else if (type === 'image') {
    checkImageElement(c, el, pointer);
  }
}
