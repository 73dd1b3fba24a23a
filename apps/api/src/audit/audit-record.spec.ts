import { stableJson, toAuditRow, type AuditRecord } from './audit-record';

const EVENT: AuditRecord = { actorType: 'user', actor: 'sac.staff', action: 'conversation.archived' };
const NOW = new Date('2026-03-14T15:04:05.123Z');

describe(toAuditRow.name, () => {
  it('should fill the optional columns with nulls and the time with now when they are left out', () => {
    expect(toAuditRow(EVENT, NOW)).toEqual({
      occurredAt: NOW, actorType: 'user', actor: 'sac.staff', action: 'conversation.archived',
      entityType: null, entityId: null, subject: null, queueCode: null, detailsJson: null, ipAddress: null,
    });
  });

  it('should store details with their keys sorted at every depth when they are given in any order', () => {
    const sut = toAuditRow({ ...EVENT, details: { z: 1, a: { y: [{ b: 2, a: 1 }], x: null } } }, NOW);
    expect(sut.detailsJson).toBe('{"a":{"x":null,"y":[{"a":1,"b":2}]},"z":1}');
  });

  it('should keep the time it is given and turn a numeric entity id into text', () => {
    const occurredAt = new Date('2025-12-31T23:59:59.999Z');
    expect(toAuditRow({ ...EVENT, occurredAt, entityId: 17 }, NOW)).toMatchObject({ occurredAt, entityId: '17' });
  });

  it('should cut a typed value to its column when it is too long', () => {
    const sut = toAuditRow({ ...EVENT, actor: 'x'.repeat(300), subject: 'y'.repeat(300), ipAddress: '1'.repeat(100) }, NOW);
    expect([sut.actor.length, sut.subject?.length, sut.ipAddress?.length]).toEqual([100, 100, 64]);
  });

  it('should not split a character made of two UTF-16 units when cutting', () => {
    const sut = toAuditRow({ ...EVENT, actor: `${'x'.repeat(99)}🐾` }, NOW);
    expect(sut.actor).toBe('x'.repeat(99));
  });

  it.each<[string, Partial<AuditRecord>]>([
    ['the actor type is unknown', { actorType: 'robot' as AuditRecord['actorType'] }],
    ['the action is empty', { action: '' }],
    ['the action is longer than its column', { action: `a.${'b'.repeat(70)}` }],
    ['the queue code is longer than its column', { queueCode: 'Q'.repeat(17) }],
    ['the time is not a date', { occurredAt: new Date('nonsense') }],
    ['the details are larger than a TEXT column', { details: { body: 'x'.repeat(70_000) } }],
  ])('should refuse the record when %s', (_case, change) => {
    expect(() => toAuditRow({ ...EVENT, ...change }, NOW)).toThrow(/Audit/);
  });
});

describe(stableJson.name, () => {
  it('should write dates as ISO strings and leave out undefined members', () => {
    expect(stableJson({ b: undefined, a: new Date('2026-03-14T15:04:05.123Z') })).toBe('{"a":"2026-03-14T15:04:05.123Z"}');
  });

  it('should keep a key named __proto__ as an ordinary key', () => {
    expect(stableJson(JSON.parse('{"__proto__":{"admin":true},"a":1}'))).toBe('{"__proto__":{"admin":true},"a":1}');
  });
});
