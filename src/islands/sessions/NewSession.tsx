/** The form that starts a session: kind, title, team, date, and which cards. */
import { useMemo, useRef, useState } from 'preact/hooks';
import { newSeed } from '../../lib/deck/random';
import { deckFromLink, type LinkProblem } from '../../lib/sessions/deck';
import { formatDay, todayIso } from '../../lib/sessions/format';
import { isIsoDate } from '../../lib/store/validate';
import { SESSION_KINDS, type DeckRef, type SessionKind } from '../../lib/store/types';
import { fill } from '../../i18n/fill';
import { useNavigation, useStore, useStrings } from './context';
import { useFieldId } from './hooks';
import { errorText } from './ui';

export function NewSession({ teams, onCancel }: { teams: string[]; onCancel(): void }) {
  const { repo, escalate } = useStore();
  const { t, lang, cards } = useStrings();
  const { go, cardsHref } = useNavigation();
  const s = t.s;
  const c = s.create;
  const id = useFieldId('ss-new');
  const [kind, setKind] = useState<SessionKind>('teamoverleg');
  const [title, setTitle] = useState('');
  const [team, setTeam] = useState('');
  const [date, setDate] = useState(todayIso());
  const [source, setSource] = useState<'all' | 'link'>('all');
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const linkRef = useRef<HTMLTextAreaElement>(null);

  const fromLink = useMemo(
    () => (source === 'link' && link.trim() !== '' ? deckFromLink(link, cards) : null),
    [source, link, cards],
  );

  const problemText = (p: LinkProblem) => {
    if (p.code === 'no-deck') return c.noDeck;
    if (p.code === 'empty-deck') return c.emptyDeck;
    return fill(lang, t.deckProblems[p.code], { value: p.value });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (!isIsoDate(date)) {
      setError(c.needDate);
      return;
    }
    let deck: DeckRef;
    if (source === 'all') deck = { seed: newSeed() };
    else if (fromLink?.ref) deck = fromLink.ref;
    else {
      setError(fromLink ? (fromLink.problems.map(problemText).at(-1) ?? c.needLink) : c.needLink);
      linkRef.current?.focus();
      return;
    }
    const name = title.trim() || fill(lang, c.defaultTitle, { kind: s.kinds[kind], date: formatDay(date, lang) });
    setBusy(true);
    try {
      const session = await repo.sessions.create({ kind, title: name, team, date, lang, deck });
      go({ view: 'session', id: session.id, card: 0 });
    } catch (err) {
      if (!escalate(err)) setError(errorText(t, err));
      setBusy(false);
    }
  };

  return (
    <form class="ss-panel ss-new" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{c.title}</h3>
      <fieldset class="ss-choices">
        <legend>{c.kind}</legend>
        {SESSION_KINDS.map((k) => (
          <label class="ss-choice" key={k}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <strong>{s.kinds[k]}</strong>
              <span class="ss-hint">{s.kindHelp[k]}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div class="ss-field">
        <label for={`${id}-title`}>{c.name}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={200}
          aria-describedby={`${id}-title-hint`}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <p class="ss-hint" id={`${id}-title-hint`}>
          {c.nameHint}
        </p>
      </div>

      <div class="ss-field">
        <label for={`${id}-team`}>{c.team}</label>
        <input
          id={`${id}-team`}
          type="text"
          value={team}
          maxLength={200}
          list={teams.length > 0 ? `${id}-teams` : undefined}
          aria-describedby={`${id}-team-hint`}
          autoComplete="off"
          onInput={(e) => setTeam(e.currentTarget.value)}
        />
        {teams.length > 0 && (
          <datalist id={`${id}-teams`}>
            {teams.map((name) => (
              <option value={name} key={name} />
            ))}
          </datalist>
        )}
        <p class="ss-hint" id={`${id}-team-hint`}>
          {c.teamHint}
        </p>
      </div>

      <div class="ss-field">
        <label for={`${id}-date`}>{c.date}</label>
        <input id={`${id}-date`} type="date" value={date} required onInput={(e) => setDate(e.currentTarget.value)} />
      </div>

      <fieldset class="ss-choices">
        <legend>{c.deck}</legend>
        <label class="ss-choice">
          <input type="radio" name={`${id}-deck`} checked={source === 'all'} onChange={() => setSource('all')} />
          <span>{c.deckAll}</span>
        </label>
        <label class="ss-choice">
          <input type="radio" name={`${id}-deck`} checked={source === 'link'} onChange={() => setSource('link')} />
          <span>{c.deckLink}</span>
        </label>
        {source === 'link' && (
          <div class="ss-field ss-link">
            <label for={`${id}-link`}>{c.link}</label>
            <textarea
              id={`${id}-link`}
              ref={linkRef}
              rows={2}
              value={link}
              aria-describedby={`${id}-link-hint ${id}-link-result`}
              spellcheck={false}
              onInput={(e) => setLink(e.currentTarget.value)}
            />
            <p class="ss-hint" id={`${id}-link-hint`}>
              {c.linkHint} <a href={cardsHref}>{c.toCards}</a>
            </p>
            <div id={`${id}-link-result`} aria-live="polite">
              {fromLink?.ref && <p class="ss-ok">{fill(lang, c.linkCount, { n: fromLink.count })}</p>}
              {fromLink && fromLink.problems.length > 0 && (
                <div class="ss-problems">
                  <p>{c.linkProblems}</p>
                  <ul>
                    {fromLink.problems.map((p, i) => (
                      <li key={i}>{problemText(p)}</li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          </div>
        )}
      </fieldset>

      {error && (
        <p class="ss-error" role="alert">
          {error}
        </p>
      )}
      <div class="ss-buttons">
        <button type="submit" class="primary" disabled={busy}>
          {c.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
    </form>
  );
}
