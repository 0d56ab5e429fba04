/** The session's agreed actions: add (optionally tied to the current card), edit, tick off, delete. */
import { useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { INPUT_MAX_CHARS } from '../../lib/records/limits';
import { type ActionDraft as Draft, clearSent, EMPTY_ACTION as EMPTY } from '../../lib/sessions/action-draft';
import { isOverdue } from '../../lib/sessions/continuity';
import { formatDay, todayIso } from '../../lib/sessions/format';
import type { Action, Session } from '../../lib/store/types';
import { isIsoDate } from '../../lib/store/validate';
import type { SessionCard } from './types';
import { useNotices, useStore, useStrings } from './context';
import { useFieldId, useStoreQuery } from './hooks';
import { dateError, errorText } from './ui';

function ActionFields({ id, value, onChange }: { id: string; value: Draft; onChange(d: Draft): void }) {
  const a = useStrings().t.s.actions;
  return (
    <>
      <div class="ss-field">
        <label for={`${id}-text`}>{a.text}</label>
        <input
          id={`${id}-text`}
          type="text"
          value={value.text}
          maxLength={INPUT_MAX_CHARS.actionText}
          onInput={(e) => onChange({ ...value, text: e.currentTarget.value })}
        />
      </div>
      <div class="ss-field-row">
        <div class="ss-field">
          <label for={`${id}-owner`}>{a.owner}</label>
          <input
            id={`${id}-owner`}
            type="text"
            value={value.owner}
            maxLength={INPUT_MAX_CHARS.actionOwner}
            onInput={(e) => onChange({ ...value, owner: e.currentTarget.value })}
          />
        </div>
        <div class="ss-field">
          <label for={`${id}-due`}>{a.due}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={value.due}
            onInput={(e) => onChange({ ...value, due: e.currentTarget.value })}
          />
        </div>
      </div>
    </>
  );
}

export function Actions({ session, card }: { session: Session; card: SessionCard | undefined }) {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const a = t.s.actions;
  const id = useFieldId('ss-actions');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [linked, setLinked] = useState(true);
  const [problem, setProblem] = useState('');
  const textInput = useRef<HTMLFormElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  // What the fields hold now, for a save that ends after more was typed.
  const typed = useRef(draft);
  typed.current = draft;

  // A failed read leaves the list as it was; the form below still works.
  const list = useStoreQuery(() => repo.actions.list(session.id), [session.id], { stores: ['actions'] }).data ?? [];

  const add = async (e: Event) => {
    e.preventDefault();
    if (draft.text.trim() === '') {
      setProblem(a.needText);
      textInput.current?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    // A date the store would refuse is said now, never dropped in silence.
    const badDue = draft.due === '' ? '' : dateError(t, draft.due);
    if (badDue) {
      setProblem(badDue);
      textInput.current?.querySelector<HTMLInputElement>('input[type=date]')?.focus();
      return;
    }
    const sent = draft;
    // One save after the other, in the order they were asked for: a quick second "add" while
    // the first is still being written must not overtake it or be lost.
    const turn = queue.current.then(async () => {
      try {
        await repo.actions.add({
          sessionId: session.id,
          text: sent.text.trim(),
          ...(sent.owner.trim() ? { owner: sent.owner.trim() } : {}),
          ...(isIsoDate(sent.due) ? { due: sent.due } : {}),
          ...(linked && card ? { cardId: card.id } : {}),
        });
        // Empty only what still holds the saved action: whatever was typed for the next one
        // while this one was being written stays.
        const rest = clearSent(typed.current, sent);
        setDraft(rest);
        setProblem('');
        toast(a.added);
        // Back to the first field, unless someone is already typing the next action.
        if (rest.text === '' && rest.owner === '' && rest.due === '')
          textInput.current?.querySelector<HTMLInputElement>('input')?.focus();
      } catch (err) {
        setProblem(errorText(t, err));
      }
    });
    queue.current = turn;
    await turn;
  };

  return (
    <section class="ss-section ss-actions" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{a.title}</h3>
      {list.length === 0 ? (
        <p class="ss-hint">{a.none}</p>
      ) : (
        <ul class="ss-actions-list">
          {list.map((action) => (
            <ActionItem action={action} key={action.id} />
          ))}
        </ul>
      )}
      <form class="ss-panel ss-action-new" ref={textInput} onSubmit={add} noValidate>
        <p class="ss-hint">{a.help}</p>
        <ActionFields id={`${id}-new`} value={draft} onChange={setDraft} />
        {card && (
          <label class="ss-check">
            <input type="checkbox" checked={linked} onChange={(e) => setLinked(e.currentTarget.checked)} />
            {fill(lang, a.linkCard, { n: card.number, title: card.title })}
          </label>
        )}
        {problem && (
          <p class="ss-error" role="alert">
            {problem}
          </p>
        )}
        <p>
          <button type="submit" class="primary">
            {a.add}
          </button>
        </p>
      </form>
    </section>
  );
}

function ActionItem({ action }: { action: Action }) {
  const { repo } = useStore();
  const { t, lang, cardById } = useStrings();
  const { toast } = useNotices();
  const a = t.s.actions;
  const id = useFieldId('ss-action');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const editButton = useRef<HTMLButtonElement>(null);
  const card = action.cardId ? cardById.get(action.cardId) : undefined;

  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
      return true;
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
      return false;
    }
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (draft.text.trim() === '') return;
    const badDue = draft.due === '' ? '' : dateError(t, draft.due);
    if (badDue) {
      toast(badDue, { tone: 'error' });
      return;
    }
    const ok = await attempt(() =>
      repo.actions.update(action.id, {
        text: draft.text.trim(),
        owner: draft.owner.trim() ? draft.owner.trim() : null,
        due: isIsoDate(draft.due) ? draft.due : null,
      }),
    );
    if (ok) {
      setEditing(false);
      requestAnimationFrame(() => editButton.current?.focus());
    }
  };

  if (editing) {
    return (
      <li class="ss-action is-editing">
        <form onSubmit={save} aria-label={a.editLabel}>
          <ActionFields id={id} value={draft} onChange={setDraft} />
          <div class="ss-buttons">
            <button type="submit" class="primary">
              {a.save}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {a.cancel}
            </button>
          </div>
        </form>
      </li>
    );
  }

  const overdue = isOverdue(action, todayIso());
  return (
    <li class={`ss-action${action.done ? ' is-done' : ''}${overdue ? ' is-overdue' : ''}`}>
      <label class="ss-check">
        <input
          type="checkbox"
          checked={action.done}
          onChange={() => void attempt(() => repo.actions.toggle(action.id))}
        />
        <span>
          <span class="visually-hidden">{a.done}: </span>
          <span class="ss-action-text">{action.text}</span>
        </span>
      </label>
      <p class="ss-item-meta">
        {action.owner && <span>{fill(lang, a.ownerIs, { owner: action.owner })}</span>}
        {action.due && <span>{fill(lang, a.dueIs, { date: formatDay(action.due, lang) })}</span>}
        {overdue && <strong class="ss-overdue">{a.overdue}</strong>}
        {card && <span>{fill(lang, a.cardIs, { n: card.number })}</span>}
      </p>
      <div class="ss-item-actions">
        <button
          type="button"
          ref={editButton}
          aria-label={`${a.edit}: ${action.text}`}
          onClick={() => {
            setDraft({ text: action.text, owner: action.owner ?? '', due: action.due ?? '' });
            setEditing(true);
          }}
        >
          {a.edit}
        </button>
        <button
          type="button"
          class="ss-danger"
          aria-label={`${a.delete}: ${action.text}`}
          onClick={async () => {
            if (!(await attempt(() => repo.actions.delete(action.id)))) return;
            toast(a.deleted, {
              focus: true,
              action: {
                label: a.undo,
                run: async () => {
                  // Added again from the copy held here; an undone "done" is put back too.
                  const ok = await attempt(async () => {
                    const back = await repo.actions.add({
                      sessionId: action.sessionId,
                      text: action.text,
                      ...(action.cardId ? { cardId: action.cardId } : {}),
                      ...(action.owner ? { owner: action.owner } : {}),
                      ...(action.due ? { due: action.due } : {}),
                    });
                    if (action.done) await repo.actions.toggle(back.id);
                  });
                  if (ok) toast(a.restored);
                },
              },
            });
          }}
        >
          {a.delete}
        </button>
      </div>
    </li>
  );
}
