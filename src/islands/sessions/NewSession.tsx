/** The form that starts a session: kind, title, team, date, which cards, and the lens. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { INPUT_MAX_CHARS } from '../../lib/records/limits';
import { newSeed } from '../../lib/deck/random';
import { roomHelpHref } from '../../lib/deck/room-help';
import { relayConfig } from '../../lib/room/config';
import { deckFromLink, type LinkProblem } from '../../lib/sessions/deck';
import { formatDay, todayIso } from '../../lib/sessions/format';
import { canonicalTeam, KIND_FORMAT, suggestCards } from '../../lib/sessions/kinds';
import type { NewSessionPreset } from '../../lib/sessions/route';
import { isIsoDate } from '../../lib/store/validate';
import { SESSION_KINDS, type DeckRef, type SessionKind } from '../../lib/store/types';
import { PERSPECTIVES, type Kind, type Perspective, type Theme } from '../../vocab';
import { fill } from '../../i18n/fill';
import { useNavigation, useStore, useStrings } from './context';
import { CardPicker } from './CardPicker';
import { useFieldId } from './hooks';
import type { SessionCard } from './types';
import { dateError, errorText } from './ui';

export function NewSession({
  teams,
  preset,
  onCancel,
}: {
  teams: string[];
  preset?: NewSessionPreset;
  onCancel(): void;
}) {
  const { repo, escalate } = useStore();
  const { t, lang, cards, cardById } = useStrings();
  const { go, cardsHref, formatsHref } = useNavigation();
  const s = t.s;
  const c = s.create;
  const id = useFieldId('ss-new');
  const [kind, setKind] = useState<SessionKind>(preset?.kind ?? 'teamoverleg');
  const [title, setTitle] = useState('');
  const [team, setTeam] = useState('');
  const [date, setDate] = useState(todayIso());
  const [source, setSource] = useState<'pick' | 'all' | 'link'>('pick');
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const linkRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Cards from a link that this site does not know are left out here, before anything is stored.
  const fromPreset = (preset?.cards ?? []).filter((cardId) => cardById.has(cardId));
  const [themeFilter, setThemeFilter] = useState<Theme | ''>('');
  const [kindFilter, setKindFilter] = useState<Kind | ''>('');
  const shown = useMemo(
    () =>
      cards
        .filter(
          (card) =>
            (themeFilter === '' || card.theme === themeFilter) && (kindFilter === '' || card.kind === kindFilter),
        )
        .sort((a, b) => a.number - b.number),
    [cards, themeFilter, kindFilter],
  );
  const [picks, setPicks] = useState<string[]>(() =>
    fromPreset.length > 0 ? fromPreset : suggestCards(preset?.kind ?? 'teamoverleg', cards),
  );
  // Until the user picks by hand, the picks follow the suggestion for the kind chosen.
  const [handPicked, setHandPicked] = useState(fromPreset.length > 0);
  const [lens, setLens] = useState<Perspective | ''>(preset?.lens ?? '');

  // Keyboard and screen reader users land in the form they just opened, on the kind chosen.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
  }, []);

  const chooseKind = (k: SessionKind) => {
    setKind(k);
    if (!handPicked) setPicks(suggestCards(k, shown.length > 0 ? shown : cards));
  };
  const toggle = (cardId: string) => {
    setHandPicked(true);
    setPicks((old) => (old.includes(cardId) ? old.filter((x) => x !== cardId) : [...old, cardId]));
  };

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
      // A two-digit year (0024) or one outside 1000-9999 gets its own sentence, not "choose a date".
      setError(dateError(t, date) || c.needDate);
      return;
    }
    let deck: DeckRef;
    if (source === 'pick') {
      if (picks.length === 0) {
        setError(c.needCards);
        formRef.current?.querySelector<HTMLInputElement>('[data-pick] input')?.focus();
        return;
      }
      // Fan order unless a link gave its own order: a facilitator reads the cards as printed.
      deck = { cards: handPicked && fromPreset.length > 0 ? picks : sortByNumber(picks, cardById) };
    } else if (source === 'all') deck = { seed: newSeed() };
    else if (fromLink?.ref) deck = fromLink.ref;
    else {
      setError(fromLink ? (fromLink.problems.map(problemText).at(-1) ?? c.needLink) : c.needLink);
      linkRef.current?.focus();
      return;
    }
    const name = title.trim() || fill(lang, c.defaultTitle, { kind: s.kinds[kind], date: formatDay(date, lang) });
    setBusy(true);
    try {
      const session = await repo.sessions.create({
        kind,
        title: name,
        team: canonicalTeam(team, teams),
        date,
        lang,
        deck,
        ...(lens ? { lens } : {}),
      });
      go({ view: 'session', id: session.id, card: 0 });
    } catch (err) {
      if (!escalate(err)) setError(errorText(t, err));
      setBusy(false);
    }
  };

  return (
    <form class="ss-panel ss-new" ref={formRef} onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{c.title}</h3>
      <fieldset class="ss-choices">
        <legend>{c.kind}</legend>
        {SESSION_KINDS.map((k) => (
          <label class="ss-choice" key={k}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => chooseKind(k)} />
            <span>
              <strong>{s.kinds[k]}</strong>
              <span class="ss-hint">{s.kindHelp[k]}</span>
            </span>
          </label>
        ))}
        <p class="ss-hint">
          <a href={`${formatsHref}#${KIND_FORMAT[kind]}`} data-kind-format>
            {fill(lang, c.aboutKind, { kind: s.kinds[kind].toLowerCase() })}
          </a>
        </p>
        {kind === 'workshop' && relayConfig() === null && (
          // The workshop's help promises phones "where the room is on": say how to get it where it is not.
          <p class="ss-hint">
            {c.roomOff} <a href={roomHelpHref(lang)}>{c.roomHow}</a>
          </p>
        )}
      </fieldset>

      <div class="ss-field">
        <label for={`${id}-title`}>{c.name}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={INPUT_MAX_CHARS.sessionTitle}
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
          maxLength={INPUT_MAX_CHARS.team}
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
          <input type="radio" name={`${id}-deck`} checked={source === 'pick'} onChange={() => setSource('pick')} />
          <span>{c.deckPick}</span>
        </label>
        {source === 'pick' && (
          <CardPicker
            id={id}
            shown={shown}
            picks={picks}
            kind={kind}
            fromLink={fromPreset.length > 0 && handPicked}
            themeFilter={themeFilter}
            kindFilter={kindFilter}
            onTheme={setThemeFilter}
            onKind={setKindFilter}
            onToggle={toggle}
            onSuggest={() => {
              setHandPicked(false);
              setPicks(suggestCards(kind, shown.length > 0 ? shown : cards));
            }}
          />
        )}
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

      <div class="ss-field">
        <label for={`${id}-lens`}>{c.lens}</label>
        <select id={`${id}-lens`} value={lens} onChange={(e) => setLens(e.currentTarget.value as Perspective | '')}>
          <option value="">{c.lensNone}</option>
          {PERSPECTIVES.map((p) => (
            <option value={p} key={p}>
              {t.perspectives[p]}
            </option>
          ))}
        </select>
      </div>

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

function sortByNumber(ids: readonly string[], byId: Map<string, SessionCard>): string[] {
  return [...ids].sort((a, b) => (byId.get(a)?.number ?? 0) - (byId.get(b)?.number ?? 0));
}
