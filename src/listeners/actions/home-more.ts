import type { ListenerDeps } from '../deps.js';
import { workspaceOf } from '../workspace.js';
import type { ButtonClick } from './click-context.js';

/** The most pages anyone could need (10,000 features at 50 a page is 200); a bigger value is not ours. */
const MAX_PAGE = 100_000;

/** Home's "Show more" and "Previous": publish the page the button names, with the saved filter. */
export function homeMore(deps: ListenerDeps) {
  return async ({ ack, body, action, client, context }: ButtonClick): Promise<void> => {
    await ack();
    const page = Number.parseInt(action.value ?? '0', 10);
    const valid = Number.isInteger(page) && page >= 0 && page <= MAX_PAGE ? page : 0;
    // renderHome clamps to the last page, so a page number from before the registry shrank still shows something.
    await deps.home.publish(client, workspaceOf(context), body.user.id, { page: valid, touch: true });
  };
}
