import { describe, expect, it } from 'vitest';
import { clearSent, EMPTY_ACTION } from '../../src/lib/sessions/action-draft';

describe('the new-action form after a save', () => {
  const sent = { text: 'Belrondje netwerk', owner: 'Anna', due: '2027-01-15' };
  it('is empty when nothing was typed during the save', () => {
    expect(clearSent(sent, sent)).toEqual(EMPTY_ACTION);
  });
  it('keeps what was typed for the next action while the first was being written', () => {
    expect(clearSent({ text: 'Tweede actie', owner: 'Anna', due: '2999-01-01' }, sent)).toEqual({
      text: 'Tweede actie',
      owner: '',
      due: '2999-01-01',
    });
  });
  it('keeps a field that was emptied and filled again with other text', () => {
    expect(clearSent({ ...sent, owner: 'Bram' }, sent)).toEqual({ text: '', owner: 'Bram', due: '' });
  });
});
