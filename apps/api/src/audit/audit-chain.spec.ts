import { canonicalAuditRow, GENESIS_HASH, hashAuditRow, type ChainedAuditFields } from './audit-chain';

// Golden values computed outside IVM (Python: json.dumps(row, separators=(',', ':')) and
// hashlib.sha256), so a change to the serialisation cannot pass by changing both sides at once.
const FIRST: ChainedAuditFields = {
  id: 1,
  occurredAt: new Date('2026-03-14T15:04:05.123Z'),
  actorType: 'user',
  actor: 'sac.staff',
  action: 'conversation.archived',
  entityType: 'conversation',
  entityId: '17',
  subject: null,
  queueCode: 'SAC',
  detailsJson: '{"reason":"done"}',
  ipAddress: '192.0.2.10',
};
const FIRST_HASH = 'ffecb5897cf4741a6b240be9438929c16a4856512e43982994d5385f3ded8c24';
const SECOND: ChainedAuditFields = {
  id: 2,
  occurredAt: new Date('2026-03-14T15:04:06Z'),
  actorType: 'system',
  actor: 'system',
  action: 'message.sent',
  entityType: 'message',
  entityId: '42',
  subject: '+12175550123',
  queueCode: 'LAC',
  detailsJson: null,
  ipAddress: null,
};
const SECOND_HASH = 'df5c0b7cad8f735f26cfe78e68dcaabb926ab23797d2077c50677b4794c9fb16';

describe(hashAuditRow.name, () => {
  it('should start the chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('should serialise every column but the hash in a fixed order with explicit nulls', () => {
    expect(canonicalAuditRow(FIRST, GENESIS_HASH)).toBe(
      `["ivm.audit.v1",1,"2026-03-14T15:04:05.123Z","user","sac.staff","conversation.archived","conversation","17",null,"SAC","{\\"reason\\":\\"done\\"}","192.0.2.10","${GENESIS_HASH}"]`,
    );
  });

  it('should give the golden hashes for a two-row chain', () => {
    expect(hashAuditRow(FIRST, GENESIS_HASH)).toBe(FIRST_HASH);
    expect(hashAuditRow(SECOND, FIRST_HASH)).toBe(SECOND_HASH);
  });

  it('should keep milliseconds when the time has none', () => {
    expect(canonicalAuditRow(SECOND, FIRST_HASH)).toContain('"2026-03-14T15:04:06.000Z"');
  });

  it('should hash the same when an optional column is undefined as when it is null', () => {
    const { subject: _subject, ...withoutSubject } = FIRST;
    expect(hashAuditRow(withoutSubject as ChainedAuditFields, GENESIS_HASH)).toBe(FIRST_HASH);
  });

  it.each<[keyof ChainedAuditFields, unknown]>([
    ['id', 3],
    ['occurredAt', new Date('2026-03-14T15:04:05.124Z')],
    ['actorType', 'system'],
    ['actor', 'lac.staff'],
    ['action', 'conversation.unarchived'],
    ['entityType', 'message'],
    ['entityId', '18'],
    ['subject', '+12175550123'],
    ['queueCode', 'LAC'],
    ['detailsJson', '{"reason":"Done"}'],
    ['ipAddress', '192.0.2.11'],
  ])('should change the hash when %s changes', (field, value) => {
    expect(hashAuditRow({ ...FIRST, [field]: value }, GENESIS_HASH)).not.toBe(FIRST_HASH);
  });

  it('should change the hash when the previous hash changes', () => {
    expect(hashAuditRow(FIRST, SECOND_HASH)).not.toBe(FIRST_HASH);
  });

  it('should not confuse a null with the text "null"', () => {
    expect(hashAuditRow({ ...FIRST, subject: 'null' }, GENESIS_HASH)).not.toBe(FIRST_HASH);
  });

  it('should not let text move from one column to the next unnoticed', () => {
    const one = { ...FIRST, actor: 'sac.staff,conversation', action: 'archived' };
    const other = { ...FIRST, actor: 'sac.staff', action: 'conversation,archived' };
    expect(hashAuditRow(one, GENESIS_HASH)).not.toBe(hashAuditRow(other, GENESIS_HASH));
  });
});
