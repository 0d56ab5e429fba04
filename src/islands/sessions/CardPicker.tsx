/** The new-session form's card picker: checkboxes narrowed by spanningsveld and kind. */
import { fill } from '../../i18n/fill';
import type { SessionKind } from '../../lib/store/types';
import { KINDS, THEMES, type Kind, type Theme } from '../../vocab';
import { useStrings } from './context';
import type { SessionCard } from './types';

/** Checkboxes for the cards, narrowed by spanningsveld and kind, with the kind's suggestion one click away. */
export function CardPicker(props: {
  id: string;
  shown: SessionCard[];
  picks: string[];
  kind: SessionKind;
  fromLink: boolean;
  themeFilter: Theme | '';
  kindFilter: Kind | '';
  onTheme(v: Theme | ''): void;
  onKind(v: Kind | ''): void;
  onToggle(cardId: string): void;
  onSuggest(): void;
}) {
  const { t, lang } = useStrings();
  const c = t.s.create;
  const { id } = props;
  return (
    <div class="ss-picker" data-pick>
      <p class="ss-hint">{props.fromLink ? c.fromLink : c.suggestion[props.kind]}</p>
      <div class="ss-field-row">
        <div class="ss-field">
          <label for={`${id}-ftheme`}>{c.filterTheme}</label>
          <select
            id={`${id}-ftheme`}
            value={props.themeFilter}
            onChange={(e) => props.onTheme(e.currentTarget.value as Theme | '')}
          >
            <option value="">{c.filterAll}</option>
            {THEMES.map((th) => (
              <option value={th} key={th}>
                {t.themes[th]}
              </option>
            ))}
          </select>
        </div>
        <div class="ss-field">
          <label for={`${id}-fkind`}>{c.filterKind}</label>
          <select
            id={`${id}-fkind`}
            value={props.kindFilter}
            onChange={(e) => props.onKind(e.currentTarget.value as Kind | '')}
          >
            <option value="">{c.filterAll}</option>
            {KINDS.map((k) => (
              <option value={k} key={k}>
                {t.cardKinds[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p>
        <button type="button" onClick={props.onSuggest}>
          {c.suggest}
        </button>
      </p>
      <fieldset class="ss-pick-list">
        <legend class="visually-hidden">{c.pickLegend}</legend>
        {props.shown.map((card) => (
          <label class="ss-check" key={card.id}>
            <input
              type="checkbox"
              value={card.id}
              checked={props.picks.includes(card.id)}
              onChange={() => props.onToggle(card.id)}
            />
            <span>
              {card.number}. {card.title} <span class="ss-hint">({t.cardKinds[card.kind]})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p class="ss-hint" role="status" data-picked>
        {props.picks.length === 0 ? c.pickNone : fill(lang, c.picked, { n: props.picks.length })}
      </p>
    </div>
  );
}
