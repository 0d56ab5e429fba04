/**
 * The printable worksheets. Rendered at build time (blank sheets work without JavaScript)
 * and hydrated so a card can be chosen to fill them. Every word comes from content/werkbladen
 * and the dictionary; this component only lays them out on A4.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Perspective } from '../vocab';
import { fill } from '../i18n/fill';
import type { Lang } from '../routes';

export interface SheetData {
  id: string;
  layout: 'poles' | 'network' | 'actions' | 'mirror';
  title: string;
  purpose: string;
  instruction: string;
  prompts: { label: string; lines: number }[];
  rings?: string[];
  center?: string;
  columns?: string[];
  rows?: number;
  perspective?: Perspective;
}

export interface SheetCard {
  id: string;
  number: number;
  title: string;
  summary: string;
  poles?: [string, string];
  questions: string[];
  perspectives: Partial<Record<Perspective, string[]>>;
  /** Full address of the card page, for paper. */
  address: string;
}

export interface WorksheetStrings {
  lang: Lang;
  chooseCard: string;
  blank: string;
  print: string;
  printOne: string;
  sheetOf: string;
  name: string;
  date: string;
  card: string;
  cardBlank: string;
  poleA: string;
  poleB: string;
  cardQuestions: string;
  moreOnline: string;
  forWhom: string;
  cardNumber: string;
  perspectives: Record<Perspective, string>;
}

interface Props {
  sheets: SheetData[];
  cards: SheetCard[];
  t: WorksheetStrings;
}

/** Writing lines as elements, not a height in a style attribute: the CSP allows no inline styles. */
function Lines({ n }: { n: number }) {
  return (
    <div class="ws-lines" aria-hidden="true">
      {Array.from({ length: n }, (_, i) => (
        <span key={i} class="ws-line" />
      ))}
    </div>
  );
}

function CardHead({ card, t }: { card: SheetCard | null; t: WorksheetStrings }) {
  if (!card) return <p class="ws-card-blank">{t.cardBlank}</p>;
  return (
    <div class="ws-card">
      <p class="ws-card-title">
        {t.cardNumber} {card.number}: <strong>{card.title}</strong>
      </p>
      <p>{card.summary}</p>
    </div>
  );
}

function PoleLine({ card, t }: { card: SheetCard | null; t: WorksheetStrings }) {
  const a = card?.poles?.[0] ?? t.poleA;
  const b = card?.poles?.[1] ?? t.poleB;
  return (
    <div class="ws-poleline">
      <span class="ws-pole">{a}</span>
      <svg viewBox="0 0 400 40" class="ws-scale" aria-hidden="true" focusable="false">
        <line x1="10" y1="20" x2="390" y2="20" />
        {[0, 1, 2, 3, 4].map((i) => (
          <line key={i} x1={10 + i * 95} x2={10 + i * 95} y1="8" y2="32" />
        ))}
      </svg>
      <span class="ws-pole">{b}</span>
    </div>
  );
}

/** The middle's label in two lines, so a long one ("De jongere of het gezin") fits the circle. */
function twoLines(label: string): [string, string] {
  const words = label.split(' ');
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

function Network({ sheet }: { sheet: SheetData }) {
  const rings = sheet.rings ?? [];
  const center = sheet.center ? twoLines(sheet.center) : null;
  return (
    <svg
      viewBox="0 0 400 400"
      class="ws-rings"
      role="img"
      aria-label={[sheet.center, ...rings].filter(Boolean).join(', ')}
    >
      {[195, 150, 105, 60].map((r) => (
        <circle key={r} cx="200" cy="200" r={r} />
      ))}
      {rings.map((label, i) => (
        <text key={label} x="200" y={200 - [82, 127, 172][i]!} text-anchor="middle">
          {label}
        </text>
      ))}
      {center && (
        <text x="200" y="196" text-anchor="middle" class="ws-center-label">
          <tspan x="200">{center[0]}</tspan>
          <tspan x="200" dy="16">
            {center[1]}
          </tspan>
        </text>
      )}
    </svg>
  );
}

function Actions({ sheet }: { sheet: SheetData }) {
  const columns = sheet.columns ?? [];
  return (
    <table class="ws-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: sheet.rows ?? 6 }, (_, r) => (
          <tr key={r}>
            {columns.map((c) => (
              <td key={c} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sheet({
  sheet,
  card,
  index,
  total,
  t,
  skip,
  onPrintOne,
}: {
  sheet: SheetData;
  card: SheetCard | null;
  index: number;
  total: number;
  t: WorksheetStrings;
  skip: boolean;
  onPrintOne(): void;
}) {
  const questions = card
    ? [
        ...(sheet.perspective ? (card.perspectives[sheet.perspective] ?? []) : []),
        ...(sheet.layout === 'poles' ? card.questions.slice(0, 2) : []),
      ]
    : [];
  const headingId = `ws-${sheet.id}`;
  return (
    <section
      class={`ws-sheet ws-${sheet.layout}${skip ? ' ws-skip-print' : ''}`}
      id={sheet.id}
      aria-labelledby={headingId}
      data-sheet={sheet.id}
    >
      <header class="ws-head">
        <h2 id={headingId}>{sheet.title}</h2>
        <p class="ws-meta">
          <span>{t.name}: ____________________</span>
          <span>{t.date}: ____________</span>
        </p>
      </header>
      <p class="ws-purpose">
        <strong>{t.forWhom}:</strong> {sheet.purpose}
      </p>
      <p class="ws-instruction">{sheet.instruction}</p>
      {sheet.layout !== 'actions' && <CardHead card={card} t={t} />}
      {sheet.layout === 'poles' && <PoleLine card={card} t={t} />}
      {sheet.layout === 'network' && <Network sheet={sheet} />}
      {sheet.layout === 'actions' && (
        <>
          <CardHead card={card} t={t} />
          <Actions sheet={sheet} />
        </>
      )}
      {questions.length > 0 && (
        <div class="ws-questions">
          <h3>{sheet.perspective ? `${t.cardQuestions} (${t.perspectives[sheet.perspective]})` : t.cardQuestions}</h3>
          <ul>
            {questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </div>
      )}
      {sheet.prompts.map((p) => (
        <div class="ws-prompt" key={p.label}>
          <h3>{p.label}</h3>
          <Lines n={p.lines} />
        </div>
      ))}
      <footer class="ws-foot">
        <span>{fill(t.lang, t.sheetOf, { i: index + 1, n: total })}</span>
        {card && (
          <span>
            {t.moreOnline} {card.address}
          </span>
        )}
      </footer>
      <p class="ws-screen-only">
        <button type="button" class="button" onClick={onPrintOne}>
          {t.printOne}
        </button>
      </p>
    </section>
  );
}

export default function Worksheets({ sheets, cards, t }: Props) {
  const [cardId, setCardId] = useState('');
  const [only, setOnly] = useState<string | null>(null);
  const card = cards.find((c) => c.id === cardId) ?? null;

  useEffect(() => {
    const reset = () => setOnly(null);
    addEventListener('afterprint', reset);
    return () => removeEventListener('afterprint', reset);
  }, []);
  useEffect(() => {
    if (only) print();
  }, [only]);

  return (
    <div class="ws">
      <div class="ws-controls ws-screen-only">
        <label for="ws-card">{t.chooseCard}</label>
        <select id="ws-card" value={cardId} onChange={(e) => setCardId((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t.blank}</option>
          {cards.map((c) => (
            <option key={c.id} value={c.id}>
              {c.number}. {c.title}
            </option>
          ))}
        </select>
        <button type="button" class="button primary" onClick={() => print()}>
          {t.print}
        </button>
      </div>
      {sheets.map((sheet, i) => (
        <Sheet
          key={sheet.id}
          sheet={sheet}
          card={card}
          index={i}
          total={sheets.length}
          t={t}
          skip={only !== null && only !== sheet.id}
          onPrintOne={() => setOnly(sheet.id)}
        />
      ))}
    </div>
  );
}
