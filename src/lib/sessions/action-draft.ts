/** The fields of the "new action" form, and what stays in them after a save. */
export interface ActionDraft {
  text: string;
  owner: string;
  due: string;
}

export const EMPTY_ACTION: ActionDraft = { text: '', owner: '', due: '' };

/**
 * The form after `sent` was saved. A save takes a moment, and someone may already be typing
 * the next action: each field that still shows what was sent is emptied, the rest is kept.
 */
export function clearSent(now: ActionDraft, sent: ActionDraft): ActionDraft {
  return {
    text: now.text === sent.text ? '' : now.text,
    owner: now.owner === sent.owner ? '' : now.owner,
    due: now.due === sent.due ? '' : now.due,
  };
}
