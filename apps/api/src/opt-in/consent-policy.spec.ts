import { CONSENT_STATES, type ConsentState } from '../contacts/contact.entity';
import {
  PROMPT_REPEAT_AFTER_MS, classifyKeyword, decideConsent, mayReceive,
  type ConsentDecision, type KeywordClass,
} from './consent-policy';

describe(classifyKeyword.name, () => {
  it.each([
    ['STOP', 'opt_out'], ['stop', 'opt_out'], [' Stop. ', 'opt_out'], ['STOPALL', 'opt_out'],
    ['unsubscribe', 'opt_out'], ['Cancel', 'opt_out'], ['end', 'opt_out'], ['QUIT', 'opt_out'],
    ['revoke', 'opt_out'], ['OptOut', 'opt_out'],
    ['YES', 'opt_in'], ['yes', 'opt_in'], ['Yes!', 'opt_in'], ['yes!!!', 'opt_in'], ['START', 'opt_in'],
    ['unstop', 'opt_in'], ['help', 'help'], ['HELP?', 'help'], ['Info', 'help'],
    ['cancel my appointment', 'none'], ['Hi', 'none'], ['yes please', 'none'], ['in', 'none'],
    ['', 'none'], ['STOP PLEASE', 'none'], ['¿yes', 'none'],
  ] as const)('should classify %p as %s', (body, expected) => {
    expect(classifyKeyword(body).keywordClass).toBe(expected);
  });

  it('should report the keyword in upper case without its punctuation', () => {
    expect(classifyKeyword('  yes! ')).toEqual({ keywordClass: 'opt_in', keyword: 'YES' });
  });
});

describe(decideConsent.name, () => {
  const now = new Date('2026-12-04T15:00:00Z');
  const recentPrompt = new Date(now.getTime() - 60_000);
  const oldPrompt = new Date(now.getTime() - PROMPT_REPEAT_AFTER_MS);
  const decide = (state: ConsentState, keywordClass: KeywordClass, extra: Partial<Parameters<typeof decideConsent>[0]> = {}) =>
    decideConsent({ state, keywordClass, lastPromptedAt: recentPrompt, carrierBlockedHere: false, now, ...extra });

  // Every state × keyword class, with the carrier not blocking this number.
  const table: Array<[ConsentState, KeywordClass, ConsentDecision]> = [
    ['none', 'none', { nextState: 'pending', record: 'prompted', carrierBlock: null, reply: 'opt_in_prompt' }],
    ['none', 'opt_in', { nextState: 'opted_in', record: 'opted_in', carrierBlock: null, reply: 'welcome' }],
    ['none', 'opt_out', { nextState: 'opted_out', record: 'opted_out', carrierBlock: 'set', reply: null }],
    ['none', 'help', { nextState: 'none', record: null, carrierBlock: null, reply: 'help' }],
    ['pending', 'none', { nextState: 'pending', record: null, carrierBlock: null, reply: null }],
    ['pending', 'opt_in', { nextState: 'opted_in', record: 'opted_in', carrierBlock: null, reply: 'welcome' }],
    ['pending', 'opt_out', { nextState: 'opted_out', record: 'opted_out', carrierBlock: 'set', reply: null }],
    ['pending', 'help', { nextState: 'pending', record: null, carrierBlock: null, reply: 'help' }],
    ['opted_in', 'none', { nextState: 'opted_in', record: null, carrierBlock: null, reply: null }],
    ['opted_in', 'opt_in', { nextState: 'opted_in', record: null, carrierBlock: null, reply: null }],
    ['opted_in', 'opt_out', { nextState: 'opted_out', record: 'opted_out', carrierBlock: 'set', reply: null }],
    ['opted_in', 'help', { nextState: 'opted_in', record: null, carrierBlock: null, reply: 'help' }],
    ['opted_out', 'none', { nextState: 'opted_out', record: null, carrierBlock: null, reply: null }],
    ['opted_out', 'opt_in', { nextState: 'opted_in', record: 'opted_in', carrierBlock: null, reply: 'welcome' }],
    ['opted_out', 'opt_out', { nextState: 'opted_out', record: null, carrierBlock: 'set', reply: null }],
    ['opted_out', 'help', { nextState: 'opted_out', record: null, carrierBlock: null, reply: null }],
  ];

  it('should cover every state and keyword class', () => {
    expect(table).toHaveLength(CONSENT_STATES.length * 4);
  });

  it.each(table)('should decide for %s × %s', (state, keywordClass, expected) => {
    expect(decide(state, keywordClass)).toEqual(expected);
  });

  it('should prompt again when a pending phone texts a day after the last prompt', () => {
    expect(decide('pending', 'none', { lastPromptedAt: oldPrompt }).reply).toBe('opt_in_prompt');
  });

  it('should not prompt again within a day', () => {
    expect(decide('pending', 'none', { lastPromptedAt: new Date(oldPrompt.getTime() + 1) }).reply).toBeNull();
  });

  it('should lift the carrier block when an opt-in keyword reaches the blocked number', () => {
    expect(decide('opted_out', 'opt_in', { carrierBlockedHere: true }).carrierBlock).toBe('lift');
    expect(decide('opted_in', 'opt_in', { carrierBlockedHere: true })).toEqual({
      nextState: 'opted_in', record: null, carrierBlock: 'lift', reply: null,
    });
  });

  it('should not set a carrier block twice when STOP reaches an already blocked number', () => {
    expect(decide('opted_out', 'opt_out', { carrierBlockedHere: true }).carrierBlock).toBeNull();
  });

  it('should keep an ordinary message as a message when the carrier still blocks the number', () => {
    expect(decide('opted_in', 'none', { carrierBlockedHere: true }).carrierBlock).toBeNull();
  });
});

describe(mayReceive.name, () => {
  it.each([
    ['none', 'opt_in_prompt', true], ['none', 'help', true], ['none', 'other', false],
    ['pending', 'opt_in_prompt', true], ['pending', 'help', true], ['pending', 'other', false],
    ['opted_in', 'opt_in_prompt', true], ['opted_in', 'help', true], ['opted_in', 'other', true],
    ['opted_out', 'opt_in_prompt', false], ['opted_out', 'help', false], ['opted_out', 'other', false],
  ] as const)('should say %s may receive %s: %s', (state, kind, expected) => {
    expect(mayReceive(state, kind)).toBe(expected);
  });
});
