import { DEFAULT_SETTINGS } from '../src/settings/settings.service';
import { SEEDED_QUEUES } from '../src/database/migrations/seed-queues';
import { TestApp, eventually } from './support/test-app';

const PROMPT = DEFAULT_SETTINGS['texts.opt_in_prompt'];
const WELCOME = DEFAULT_SETTINGS['texts.welcome'];

// The seed document's "Example of the opt-in process", steps 1–4, on each plugin and each number.
describe.each(['twilio', 'simulator'] as const)('opt-in walk-through with the %s provider', (provider) => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start({ provider });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it.each(SEEDED_QUEUES.map((queue, index) => [queue.code, queue.phoneNumber, `+1217555020${index}`]))(
    'should prompt, opt in and welcome a client who texts %s (%s)',
    async (code, hospitalNumber, phone) => {
      // 1. The client texts "Hi" to the number; 2. an automatic reply asks for YES.
      const hi = await sut.textFromPhone({ from: phone, to: hospitalNumber, body: 'Hi' });
      expect(hi.status).toBe(200);
      if (provider === 'twilio') expect(hi.body).toContain('<Response/>');
      const prompt = await eventually(() => sut.sentTexts().find((t) => t.to === phone), 'the opt-in prompt');
      expect(prompt).toMatchObject({ from: hospitalNumber, body: PROMPT });
      if (provider === 'twilio') expect(prompt.statusCallback).toBe(`${sut.url}/webhooks/twilio/status`);

      // 3. The client answers Yes; 4. the welcome completes the opt-in.
      await sut.textFromPhone({ from: phone, to: hospitalNumber, body: 'Yes' });
      const welcome = await eventually(() => sut.sentTexts().filter((t) => t.to === phone)[1], 'the welcome');
      expect(welcome).toMatchObject({ from: hospitalNumber, body: WELCOME });
      if (provider === 'twilio') {
        await sut.fakeTwilio!.deliver(prompt.sid, 'delivered');
        await sut.fakeTwilio!.deliver(welcome.sid, 'delivered');
      }

      const [contact] = await sut.query<{ id: number; consent_state: string }>('SELECT id, consent_state FROM contacts WHERE phone = ?', [phone]);
      expect(contact.consent_state).toBe('opted_in');
      const records = await sut.query<{ event: string; keyword: string | null; hospital_number: string }>(
        'SELECT event, keyword, hospital_number FROM consent_records WHERE contact_id = ? ORDER BY id', [contact.id]);
      expect(records).toEqual([
        { event: 'prompted', keyword: null, hospital_number: hospitalNumber },
        { event: 'opted_in', keyword: 'YES', hospital_number: hospitalNumber },
      ]);
      const conversations = await sut.query<{ id: number; code: string; status: string; unread_count: number }>(
        'SELECT c.id, q.code, c.status, c.unread_count FROM conversations c JOIN queues q ON q.id = c.queue_id WHERE c.contact_id = ?', [contact.id]);
      expect(conversations).toEqual([{ id: expect.any(Number), code, status: 'open', unread_count: 2 }]);
      const thread = await eventually(async () => {
        const rows = await sut.query<{ direction: string; kind: string; body: string; status: string }>(
          'SELECT direction, kind, body, status FROM messages WHERE conversation_id = ? ORDER BY id', [conversations[0].id]);
        return rows.every((row) => row.status === 'received' || row.status === 'delivered') ? rows : null;
      }, 'both automatic texts delivered');
      expect(thread).toEqual([
        { direction: 'inbound', kind: 'client', body: 'Hi', status: 'received' },
        { direction: 'outbound', kind: 'opt_in_prompt', body: PROMPT, status: 'delivered' },
        { direction: 'inbound', kind: 'client', body: 'Yes', status: 'received' },
        { direction: 'outbound', kind: 'welcome', body: WELCOME, status: 'delivered' },
      ]);
    },
  );

  it('should not ask again when an opted-in client texts another number, since opt-in is once for all numbers', async () => {
    const phone = '+12175550300';
    const [sac, lac] = SEEDED_QUEUES;
    await sut.textFromPhone({ from: phone, to: sac.phoneNumber, body: 'YES' });
    await eventually(() => sut.sentTexts().find((t) => t.to === phone && t.body === WELCOME), 'the welcome');
    await sut.textFromPhone({ from: phone, to: lac.phoneNumber, body: 'Is Rosie due for her vaccines?' });
    await eventually(async () => (await sut.query('SELECT id FROM messages WHERE body = ?', ['Is Rosie due for her vaccines?'])).length === 1, 'the LAC text stored');
    await sut.outbox.drainOnce();
    expect(sut.sentTexts().filter((t) => t.to === phone).map((t) => [t.from, t.body])).toEqual([[sac.phoneNumber, WELCOME]]);
  });
});
