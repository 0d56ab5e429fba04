/** The word cloud's counting, the phone's guard before an answer leaves it, and answers saved as notes. */
import { describe, expect, it, vi } from 'vitest';
import { answersReducer, initialAnswers, receiveAnswer } from '../../src/lib/room/answers';
import { checkAnswer } from '../../src/lib/room/answers-guard';
import { createAnswerNotes, mergeBlock, noteBlock } from '../../src/lib/room/answers-notes';
import { cloudable, cloudKey, countWords } from '../../src/lib/room/words';
import type { Repo } from '../../src/lib/store/repo';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { reportHtml } from '../../src/lib/report/html';
import { buildReport } from '../../src/lib/report/model';
import { freshRepos } from '../support/store';

describe('countWords', () => {
  it('folds case and spaces, leaves out Dutch and English stop-words, and counts', () => {
    expect(countWords(['Vertrouwen', ' vertrouwen ', 'Het vertrouwen!', 'de tijd', 'TIME', 'the time'])).toEqual([
      { word: 'vertrouwen', count: 3 },
      { word: 'time', count: 2 },
      { word: 'tijd', count: 1 },
    ]);
  });

  it('keeps answers of one to three words, whole', () => {
    expect(cloudKey('Eigen kracht')).toBe('eigen kracht');
    expect(cloudKey('ouder-kind relatie')).toBe('ouder-kind relatie');
    expect(cloudKey('Een veilige plek om te praten')).toBeNull();
    expect(cloudKey('de het een')).toBeNull();
    expect(cloudKey('!!!')).toBeNull();
    expect(cloudable(['Tijd', 'Een veilige plek om te praten', 'Rust'])).toBe(2);
    expect(countWords([])).toEqual([]);
  });
});

describe('checkAnswer, the phone’s guard', () => {
  it('stops a BSN and a phone number, and says what it found', () => {
    expect(checkAnswer('Haar BSN is 111222333')).toEqual({ ok: false, reason: 'private', kinds: ['bsn'] });
    expect(checkAnswer('Bel mij op 06-12345678')).toEqual({ ok: false, reason: 'private', kinds: ['phone'] });
    expect(checkAnswer('mail jan@example.nl of 0612345678')).toMatchObject({ kinds: ['email', 'phone'] });
  });

  it('lets ordinary answers through on one line, and refuses empty or long ones', () => {
    expect(checkAnswer('  Meer tijd\nvoor   gesprekken ')).toEqual({ ok: true, text: 'Meer tijd voor gesprekken' });
    expect(checkAnswer('Om 14:30 in 2020, artikel 2.1')).toMatchObject({ ok: true });
    expect(checkAnswer(' \n ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkAnswer('x'.repeat(281))).toEqual({ ok: false, reason: 'long' });
  });
});

describe('answers saved as notes', () => {
  it('writes a block under the question, and replaces its own block where it stands', () => {
    expect(noteBlock('Uit de zaal: Wat?', [])).toBe('');
    const one = noteBlock('Uit de zaal: Wat?', ['Tijd']);
    expect(one).toBe('Uit de zaal: Wat?\n- Tijd');
    const two = noteBlock('Uit de zaal: Wat?', ['Tijd', 'Rust']);
    expect(mergeBlock('', '', one)).toBe(one);
    expect(mergeBlock('Eigen notitie\n', '', one)).toBe(`Eigen notitie\n\n${one}`);
    expect(mergeBlock(`Eigen notitie\n\n${one}\n\nNa`, one, two)).toBe(`Eigen notitie\n\n${two}\n\nNa`);
    expect(mergeBlock(`Eigen notitie\n\n${one}\n\nNa`, one, '')).toBe('Eigen notitie\n\nNa');
    // Edited by the team since: left alone, and the new block goes below.
    expect(mergeBlock('Uit de zaal: Wat?\n- Tijd (bewerkt)', one, two)).toBe(
      `Uit de zaal: Wat?\n- Tijd (bewerkt)\n\n${two}`,
    );
    expect(mergeBlock('Tekst', '', '')).toBe('Tekst');
  });

  const repos = freshRepos('kjk-answer-notes');
  const setUp = async () => {
    const repo = await repos();
    const s = await repo.sessions.create({
      kind: 'teamoverleg',
      title: 'Zaal',
      team: '',
      date: '2024-05-01',
      lang: 'nl',
    });
    let state = answersReducer(initialAnswers(), { type: 'ask', card: 'kaart-a', text: 'Wat helpt?' });
    state = receiveAnswer(state, 'pid-1', state.current!.id, 'Tijd');
    state = receiveAnswer(state, 'pid-2', state.current!.id, 'Rust');
    return { repo, sessionId: s.id, state };
  };
  const head = (q: string) => `Uit de zaal: ${q}`;

  it('saves shown answers (and hidden ones when chosen) as the card’s note, texts only', async () => {
    const { repo, sessionId, state: start } = await setUp();
    await repo.notes.save({ sessionId, cardId: 'kaart-a', text: 'Wat we bespraken.', baseUpdatedAt: null });
    const saver = createAnswerNotes({ notes: repo.notes, sessionId, head });
    saver.record(start);
    await saver.close();
    expect((await repo.notes.get(sessionId, 'kaart-a'))?.text).toBe('Wat we bespraken.');
    let state = answersReducer(start, { type: 'show', id: start.answers[1]!.id });
    saver.record(state);
    await saver.close();
    expect((await repo.notes.get(sessionId, 'kaart-a'))?.text).toBe(
      'Wat we bespraken.\n\nUit de zaal: Wat helpt?\n- Rust',
    );
    state = answersReducer(state, { type: 'keep-hidden', on: true });
    saver.record(state);
    saver.record(state);
    await saver.close();
    const text = (await repo.notes.get(sessionId, 'kaart-a'))?.text;
    expect(text).toBe('Wat we bespraken.\n\nUit de zaal: Wat helpt?\n- Tijd\n- Rust');
    expect(text).not.toContain('pid-');
  });

  it('tries again after a note another tab saved meanwhile, and reports a failed write', async () => {
    const { repo, sessionId, state: start } = await setUp();
    const state = answersReducer(start, { type: 'show-all' });
    let raced = false;
    const notes: Pick<Repo['notes'], 'get' | 'save'> = {
      get: (id, card) => repo.notes.get(id, card),
      save: async (input) => {
        if (!raced) {
          raced = true;
          await repo.notes.save({ sessionId, cardId: 'kaart-a', text: 'Van het andere tabblad', baseUpdatedAt: null });
        }
        return repo.notes.save(input);
      },
    };
    const onSaveFailed = vi.fn();
    const saver = createAnswerNotes({ notes, sessionId, head, onSaveFailed });
    saver.record(state);
    await saver.close();
    expect((await repo.notes.get(sessionId, 'kaart-a'))?.text).toBe(
      'Van het andere tabblad\n\nUit de zaal: Wat helpt?\n- Tijd\n- Rust',
    );
    expect(onSaveFailed).toHaveBeenLastCalledWith(false);

    const broken = createAnswerNotes({
      notes: { get: notes.get, save: () => Promise.reject(new Error('quota')) },
      sessionId,
      head: (q) => `Opnieuw: ${q}`,
      onSaveFailed,
    });
    broken.record(state);
    await broken.close();
    expect(onSaveFailed).toHaveBeenLastCalledWith(true);
  });
});

describe('answers in the report', () => {
  it('read as the card’s note: the question, then one answer per line', () => {
    const nl = dictionaries.nl;
    const text = `Eigen notitie\n\n${noteBlock(fill('nl', nl.room.answers.noteHead, { question: 'Wat helpt?' }), ['Tijd', 'Rust'])}`;
    const report = buildReport(
      {
        id: 's1',
        kind: 'workshop',
        title: 'Zaal',
        team: '',
        date: '2025-03-14',
        lang: 'nl',
        deck: {},
        createdAt: 1,
        updatedAt: 1,
      },
      { notes: [{ id: 'n1', sessionId: 's1', cardId: 'a', text, updatedAt: 1 }], positions: [], actions: [] },
      [{ id: 'a', number: 1, title: 'Kaart A', kind: 'kenniskaart' }],
    );
    const html = reportHtml(report, { lang: 'nl', strings: nl.sessions.report, kinds: nl.sessions.kinds });
    expect(html).toContain('Eigen notitie<br><br>Uit de zaal: Wat helpt?<br>- Tijd<br>- Rust');
  });
});
