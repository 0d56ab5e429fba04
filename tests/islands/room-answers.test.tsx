/**
 * The moderation of answers from the room, without a relay: the panel drives the real answers
 * reducer, and what the room sees is drawn beside it. Empty, asking, answers arriving hidden,
 * show / hide / highlight, the word cloud's list, and a closed question.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import AnswersPanel from '../../src/islands/room/AnswersPanel';
import ShownAnswers from '../../src/islands/room/ShownAnswers';
import {
  answersReducer,
  type AnswersEvent,
  type AnswersState,
  audienceData,
  initialAnswers,
  panelData,
  receiveAnswer,
} from '../../src/lib/room/answers';

const t = dictionary('nl').room.answers;
const CARD = 'eigen-kracht-of-veiligheid';
const QUESTIONS = ['Wat heb je nodig?', 'Wie beslist?'];

/** The panel and the audience's part on one reducer; `arrive` stands in for the phones. */
function harness(start: AnswersState = initialAnswers()) {
  const seen: AnswersEvent[] = [];
  let arrive: (pid: string, text: string) => void = () => undefined;
  function Room() {
    const [state, setState] = useState(start);
    arrive = (pid, text) => setState((s) => receiveAnswer(s, pid, s.current!.id, text));
    return (
      <>
        <AnswersPanel
          lang="nl"
          t={t}
          card={CARD}
          questions={QUESTIONS}
          {...panelData(state)}
          onEvent={(event) => {
            seen.push(event);
            setState((s) => answersReducer(s, event));
          }}
        />
        <ShownAnswers lang="nl" t={t} {...audienceData(state)} />
      </>
    );
  }
  render(<Room />);
  return { seen, arrive: (pid: string, text: string) => act(() => arrive(pid, text)) };
}

const panel = () => within(screen.getByRole('region', { name: t.title }));
const audience = () => within(screen.getByRole('region', { name: t.audience }));

describe('AnswersPanel', () => {
  it('empty: explains, asks for a question before it sends one, and labels every field', () => {
    const { seen } = harness();
    expect(screen.getByText(t.intro)).toBeTruthy();
    expect(screen.queryByRole('region', { name: t.audience })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: t.ask }));
    expect(screen.getByRole('alert').textContent).toBe(t.noQuestion);
    expect(seen).toEqual([]);
    expect(screen.getByRole('combobox', { name: t.fromCard })).toBeTruthy();
    const typed = screen.getByRole('textbox', { name: t.typed });
    expect(typed.getAttribute('maxlength')).toBe('200');
    expect(typed.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('checkbox', { name: t.only })).toBeTruthy();
  });

  it('asks a card’s question, then a typed one replaces it after closing', () => {
    const { seen } = harness();
    fireEvent.change(screen.getByRole('combobox', { name: t.fromCard }), { target: { value: QUESTIONS[1] } });
    fireEvent.click(screen.getByRole('checkbox', { name: t.only }));
    fireEvent.click(screen.getByRole('button', { name: t.ask }));
    expect(seen).toEqual([{ type: 'ask', card: CARD, text: QUESTIONS[1], only: true }]);
    expect(screen.getByText(fill('nl', t.asked, { question: QUESTIONS[1]! }))).toBeTruthy();
    expect(panel().getByRole('status').textContent).toBe(t.isOpen);
    expect(screen.getByText(t.none)).toBeTruthy();
    expect(audience().getByText(t.nothingShown)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: t.stop }));
    expect(panel().getByRole('status').textContent).toContain(t.isStopped);
    fireEvent.input(screen.getByRole('textbox', { name: t.typed }), { target: { value: '  Wat  valt op? ' } });
    fireEvent.click(screen.getByRole('button', { name: t.ask }));
    expect(seen.at(-1)).toEqual({ type: 'ask', card: CARD, text: 'Wat valt op?', only: false });
    fireEvent.click(screen.getByRole('button', { name: t.stop }));
    fireEvent.click(screen.getByRole('button', { name: t.dismiss }));
    expect(screen.getByText(t.intro)).toBeTruthy();
  });

  it('answers arrive hidden with a count of new ones; show, highlight and hide one, then show all', () => {
    const { arrive } = harness(answersReducer(initialAnswers(), { type: 'ask', card: CARD, text: QUESTIONS[0]! }));
    arrive('a', 'Tijd');
    arrive('b', 'Vertrouwen');
    arrive('c', 'Een plek waar je gehoord wordt');
    expect(screen.getByText(fill('nl', t.count, { n: 3, fresh: 3 }))).toBeTruthy();
    const list = within(screen.getByRole('list', { name: t.listLabel }));
    expect(list.getAllByRole('listitem')).toHaveLength(3);
    expect(list.getAllByText(`(${t.hidden})`)).toHaveLength(3);
    expect(audience().getByText(t.nothingShown)).toBeTruthy();

    // Each button names its answer for a screen reader, and keeps the focus as it turns.
    const shows = list.getAllByRole('button', { name: t.show });
    expect(shows[1]!.getAttribute('aria-describedby')).toBe(list.getByText('Vertrouwen').id);
    shows[1]!.focus();
    fireEvent.click(shows[1]!);
    expect(document.activeElement?.textContent).toBe(t.hide);
    expect(screen.getByText(fill('nl', t.count, { n: 3, fresh: 2 }))).toBeTruthy();
    expect(audience().getByText('Vertrouwen')).toBeTruthy();
    expect(audience().queryByText('Tijd')).toBeNull();

    fireEvent.click(list.getAllByRole('button', { name: t.highlight })[0]!);
    expect(list.getByRole('button', { name: t.unhighlight }).getAttribute('aria-pressed')).toBe('true');
    expect(
      audience().getByText(`${t.phone.highlighted}:`, { exact: false }).closest('blockquote')?.textContent,
    ).toContain('Tijd');
    // One at a time.
    fireEvent.click(list.getAllByRole('button', { name: t.highlight })[0]!);
    expect(list.getAllByRole('button', { name: t.unhighlight })).toHaveLength(1);
    expect(list.getAllByText(`(${t.highlighted})`)).toHaveLength(1);

    fireEvent.click(list.getAllByRole('button', { name: t.hide })[0]!);
    expect(audience().queryByText('Tijd')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: t.showAll }));
    expect(audience().getByText('Tijd')).toBeTruthy();
    expect(audience().getByText('Een plek waar je gehoord wordt')).toBeTruthy();
    expect(screen.queryByRole('button', { name: t.showAll })).toBeNull();
  });

  it('the word cloud: offered for short answers, a visual cloud hidden from readers, and a list with counts', () => {
    const { arrive } = harness(answersReducer(initialAnswers(), { type: 'ask', card: CARD, text: QUESTIONS[0]! }));
    arrive('a', 'Een plek waar je gehoord wordt');
    const cloud = screen.getByRole('checkbox', { name: t.cloud }) as HTMLInputElement;
    expect(cloud.disabled).toBe(true);
    arrive('b', 'Vertrouwen');
    arrive('c', 'het vertrouwen');
    arrive('d', 'Tijd');
    expect(cloud.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: t.showAll }));
    fireEvent.click(cloud);
    const figure = audience().getByRole('figure', { name: t.cloudTitle });
    const words = within(within(figure).getByRole('list', { name: t.cloudList }));
    expect(words.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      fill('nl', t.cloudItem, { word: 'vertrouwen', count: 2 }),
      fill('nl', t.cloudItem, { word: 'tijd', count: 1 }),
    ]);
    const visual = figure.querySelector('.word-cloud-visual')!;
    expect(visual.getAttribute('aria-hidden')).toBe('true');
    expect(visual.querySelector('.is-5')?.textContent).toBe('vertrouwen');
    // The long answer stays readable beside the cloud.
    expect(audience().getByText('Een plek waar je gehoord wordt')).toBeTruthy();
  });

  it('keeps hidden answers too when ticked, and waits while there is no room to send to', () => {
    const onEvent = vi.fn();
    const props = { lang: 'nl' as const, t, card: CARD, questions: [], onEvent, ...panelData(initialAnswers()) };
    const { rerender } = render(<AnswersPanel {...props} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: t.keepHidden }));
    expect(onEvent).toHaveBeenCalledWith({ type: 'keep-hidden', on: true });
    rerender(<AnswersPanel {...props} disabled />);
    fireEvent.input(screen.getByRole('textbox', { name: t.typed }), { target: { value: 'Vraag' } });
    fireEvent.submit(screen.getByRole('textbox', { name: t.typed }).closest('form')!);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });
});
