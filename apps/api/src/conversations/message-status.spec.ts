import { MESSAGE_STATUSES, canAdvance, isFinalStatus, statusesBelow } from './message-status';

describe(canAdvance.name, () => {
  it.each([
    ['queued', 'sending'],
    ['queued', 'sent'],
    ['sending', 'sent'],
    ['sent', 'delivered'],
    ['sent', 'undelivered'],
    ['sending', 'failed'],
    ['queued', 'canceled'],
    ['queued', 'delivered'],
  ] as const)('should move %s forward to %s', (current, next) => {
    expect(canAdvance(current, next)).toBe(true);
  });

  it.each([
    ['delivered', 'sent'],
    ['delivered', 'undelivered'],
    ['undelivered', 'delivered'],
    ['failed', 'delivered'],
    ['canceled', 'sent'],
    ['sent', 'sent'],
    ['sent', 'queued'],
    ['received', 'delivered'],
    ['queued', 'received'],
    ['note', 'sent'],
    ['queued', 'note'],
  ] as const)('should keep %s when a late %s arrives', (current, next) => {
    expect(canAdvance(current, next)).toBe(false);
  });
});

describe(statusesBelow.name, () => {
  it('should list exactly the non-final outbound statuses below a final one', () => {
    expect(statusesBelow('delivered')).toEqual(['queued', 'sending', 'sent']);
  });

  it('should list queued and sending below sent', () => {
    expect(statusesBelow('sent')).toEqual(['queued', 'sending']);
  });

  it('should agree with canAdvance for every pair', () => {
    for (const next of MESSAGE_STATUSES) {
      for (const current of MESSAGE_STATUSES) {
        expect(statusesBelow(next).includes(current)).toBe(canAdvance(current, next));
      }
    }
  });
});

describe(isFinalStatus.name, () => {
  it('should call only delivered, undelivered, failed and canceled final', () => {
    expect(MESSAGE_STATUSES.filter(isFinalStatus)).toEqual(['delivered', 'undelivered', 'failed', 'canceled']);
  });
});
