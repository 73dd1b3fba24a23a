import twilio from 'twilio';
import { ContactEntity } from '../src/contacts/contact.entity';
import { MessageStatusService } from '../src/conversations/message-status.service';
import { MessageEntity } from '../src/conversations/message.entity';
import { SEEDED_QUEUES } from '../src/database/migrations/seed-queues';
import { DEFAULT_SETTINGS } from '../src/settings/settings.service';
import { TestApp, eventually } from './support/test-app';

const [SAC, LAC] = SEEDED_QUEUES;
const PROMPT = DEFAULT_SETTINGS['texts.opt_in_prompt'];

describe('Twilio webhooks', () => {
  let sut: TestApp;
  let phoneCounter = 0;
  const nextPhone = () => `+1217555${String(1000 + phoneCounter++).padStart(4, '0')}`;
  const smsUrl = () => `${sut.url}/webhooks/twilio/sms`;
  const statusUrl = () => `${sut.url}/webhooks/twilio/status`;
  const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
    Number((await sut.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
  const post = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(params).toString(),
    });
  const optIn = async (phone: string, number = SAC.phoneNumber) => {
    await sut.textFromPhone({ from: phone, to: number, body: 'YES' });
    await eventually(() => sut.sentTexts().find((t) => t.to === phone), 'the welcome');
  };

  beforeAll(async () => {
    sut = await TestApp.start({ provider: 'twilio' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('signatures', () => {
    it('should refuse with 403 and store nothing when the signature is missing', async () => {
      const params = sut.fakeTwilio!.inboundParams({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' });
      const response = await post(smsUrl(), params);
      expect(response.status).toBe(403);
      await expect(response.json()).resolves.toMatchObject({ statusCode: 403, code: 'invalid_signature' });
      await expect(count('messages', 'provider_message_id = ?', [params.MessageSid])).resolves.toBe(0);
      await expect(count('contacts', 'phone = ?', [params.From])).resolves.toBe(0);
    });

    it('should refuse with 403 when a signed parameter was changed', async () => {
      const params = sut.fakeTwilio!.inboundParams({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' });
      const signature = sut.fakeTwilio!.signInbound(smsUrl(), params);
      const response = await post(smsUrl(), { ...params, Body: 'Hi there' }, { 'x-twilio-signature': signature });
      expect(response.status).toBe(403);
      await expect(count('messages', 'provider_message_id = ?', [params.MessageSid])).resolves.toBe(0);
    });

    it('should refuse with 403 when the request was signed for another URL', async () => {
      const params = sut.fakeTwilio!.inboundParams({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' });
      const response = await sut.fakeTwilio!.postInbound(smsUrl(), params, { signedUrl: 'https://internal-lb:8080/webhooks/twilio/sms' });
      expect(response.status).toBe(403);
    });

    it('should refuse with 403 when signed with another auth token', async () => {
      const params = sut.fakeTwilio!.inboundParams({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' });
      const signature = twilio.getExpectedTwilioSignature('not-the-token', smsUrl(), params);
      const response = await post(smsUrl(), params, { 'x-twilio-signature': signature });
      expect(response.status).toBe(403);
    });

    it('should check the signature over the query string too', async () => {
      const params = sut.fakeTwilio!.inboundParams({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' });
      const signed = await sut.fakeTwilio!.postInbound(`${smsUrl()}?site=urbana`, params);
      expect(signed.status).toBe(200);
      const mismatch = await sut.fakeTwilio!.postInbound(`${smsUrl()}?site=urbana`, { ...params, MessageSid: `SM${'f'.repeat(32)}` }, { signedUrl: smsUrl() });
      expect(mismatch.status).toBe(403);
    });

    it('should answer 404 for a provider that is not the active one', async () => {
      const response = await post(`${sut.url}/webhooks/simulator/sms`, { From: nextPhone(), To: SAC.phoneNumber, Body: 'Hi' });
      expect(response.status).toBe(404);
      await expect(response.json()).resolves.toMatchObject({ statusCode: 404, code: 'not_found' });
    });

    it('should refuse an unsigned status callback with 403', async () => {
      const response = await post(statusUrl(), { MessageSid: `SM${'a'.repeat(32)}`, MessageStatus: 'delivered' });
      expect(response.status).toBe(403);
      await expect(count('message_status_events')).resolves.toBe(0);
    });
  });

  describe('inbound texts', () => {
    it('should answer empty TwiML as text/xml and queue the reply through the outbox', async () => {
      const phone = nextPhone();
      const params = sut.fakeTwilio!.inboundParams({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      const response = await fetch(smsUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sut.fakeTwilio!.signInbound(smsUrl(), params) },
        body: new URLSearchParams(params).toString(),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
      await expect(response.text()).resolves.toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      await eventually(() => sut.sentTexts().find((t) => t.to === phone && t.body === PROMPT), 'the prompt');
    });

    it.each([
      ['From', { From: '' }],
      ['From', { From: 'not a phone' }],
      ['To', { To: '' }],
      ['MessageSid', { MessageSid: 'XX123' }],
      ['NumMedia', { NumMedia: 'many' }],
    ])('should answer 400 naming %s and store nothing when it is missing or malformed', async (field, change) => {
      const params: Record<string, string> = { ...sut.fakeTwilio!.inboundParams({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' }), ...change };
      const response = await sut.fakeTwilio!.postInbound(smsUrl(), params);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ statusCode: 400, field });
      await expect(count('messages', 'provider_message_id = ?', [params.MessageSid])).resolves.toBe(0);
    });

    it('should answer 400 when a parameter the text needs is absent altogether', async () => {
      const { Body: _body, ...params } = sut.fakeTwilio!.inboundParams({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' });
      const response = await sut.fakeTwilio!.postInbound(smsUrl(), params);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ field: 'Body' });
    });

    it('should answer 400, not 5xx, when the body cannot be parsed', async () => {
      const response = await fetch(smsUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"From":' });
      expect(response.status).toBe(400);
      await expect(response.json()).resolves.toMatchObject({ statusCode: 400, code: 'invalid_body' });
    });

    it('should keep a picture sent with an empty body, media URLs included', async () => {
      const phone = nextPhone();
      const params = sut.fakeTwilio!.inboundParams({
        from: phone, to: LAC.phoneNumber, body: '',
        media: [{ contentType: 'image/jpeg' }, { contentType: 'image/png' }],
      });
      const response = await sut.fakeTwilio!.postInbound(smsUrl(), params);
      expect(response.status).toBe(200);
      const [message] = await sut.query<{ body: string; media_json: string }>('SELECT body, media_json FROM messages WHERE provider_message_id = ?', [params.MessageSid]);
      expect(message.body).toBe('');
      expect(JSON.parse(message.media_json)).toEqual([
        { url: params.MediaUrl0, contentType: 'image/jpeg' },
        { url: params.MediaUrl1, contentType: 'image/png' },
      ]);
    });

    it('should answer 200 and change nothing when the To number is not a hospital number', async () => {
      const phone = nextPhone();
      const params = sut.fakeTwilio!.inboundParams({ from: phone, to: '+18005550199', body: 'Hi' });
      const response = await sut.fakeTwilio!.postInbound(smsUrl(), params);
      expect(response.status).toBe(200);
      expect(response.body).toContain('<Response/>');
      await expect(count('messages', 'provider_message_id = ?', [params.MessageSid])).resolves.toBe(0);
      await expect(count('contacts', 'phone = ?', [phone])).resolves.toBe(0);
    });

    it('should store a repeated MessageSid once and reply once', async () => {
      const phone = nextPhone();
      const params = sut.fakeTwilio!.inboundParams({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      const first = await sut.fakeTwilio!.postInbound(smsUrl(), params);
      const second = await sut.fakeTwilio!.postInbound(smsUrl(), params);
      expect([first.status, second.status]).toEqual([200, 200]);
      await eventually(() => sut.sentTexts().some((t) => t.to === phone), 'the prompt');
      await sut.outbox.drainOnce();
      await expect(count('messages', 'provider_message_id = ?', [params.MessageSid])).resolves.toBe(1);
      expect(sut.sentTexts().filter((t) => t.to === phone)).toHaveLength(1);
    });

    it('should store one message and send one reply when 20 copies of a webhook arrive at once', async () => {
      const phone = nextPhone();
      const params = sut.fakeTwilio!.inboundParams({ from: phone, to: SAC.phoneNumber, body: 'Hello, is Biscuit ready?' });
      const responses = await Promise.all(Array.from({ length: 20 }, () => sut.fakeTwilio!.postInbound(smsUrl(), params)));
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
      await eventually(() => sut.sentTexts().some((t) => t.to === phone), 'the prompt');
      await sut.outbox.drainOnce();
      await expect(count('messages', 'provider_message_id = ?', [params.MessageSid])).resolves.toBe(1);
      await expect(count('contacts', 'phone = ?', [phone])).resolves.toBe(1);
      await expect(count('conversations c JOIN contacts k ON k.id = c.contact_id', 'k.phone = ?', [phone])).resolves.toBe(1);
      expect(sut.sentTexts().filter((t) => t.to === phone)).toHaveLength(1);
    });

    it('should keep texts from one phone to two numbers in two conversations, each in its queue', async () => {
      const phone = nextPhone();
      await optIn(phone, SAC.phoneNumber);
      await sut.textFromPhone({ from: phone, to: LAC.phoneNumber, body: 'Also, the horse' });
      const rows = await sut.query<{ code: string; hospital_number: string }>(
        'SELECT q.code, c.hospital_number FROM conversations c JOIN queues q ON q.id = c.queue_id JOIN contacts k ON k.id = c.contact_id WHERE k.phone = ? ORDER BY c.id', [phone]);
      expect(rows).toEqual([{ code: 'SAC', hospital_number: SAC.phoneNumber }, { code: 'LAC', hospital_number: LAC.phoneNumber }]);
    });
  });

  describe('consent', () => {
    const consentOf = async (phone: string) => (await sut.query<{ consent_state: string }>('SELECT consent_state FROM contacts WHERE phone = ?', [phone]))[0]?.consent_state;
    const textsTo = (phone: string) => sut.sentTexts().filter((t) => t.to === phone).map((t) => t.body);

    it('should honour STOP from any state, send nothing after it, and welcome back on START', async () => {
      const phone = nextPhone();
      await optIn(phone);
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Stop' });
      await expect(consentOf(phone)).resolves.toBe('opted_out');
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'HELP' });
      await sut.textFromPhone({ from: phone, to: LAC.phoneNumber, body: 'hello?' });
      await sut.outbox.drainOnce();
      expect(textsTo(phone)).toEqual([DEFAULT_SETTINGS['texts.welcome']]);

      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'START' });
      await eventually(() => textsTo(phone).length === 2, 'the second welcome');
      expect(textsTo(phone)[1]).toBe(DEFAULT_SETTINGS['texts.welcome']);
      await expect(consentOf(phone)).resolves.toBe('opted_in');
      const events = await sut.query<{ event: string; keyword: string | null }>(
        'SELECT r.event, r.keyword FROM consent_records r JOIN contacts k ON k.id = r.contact_id WHERE k.phone = ? ORDER BY r.id', [phone]);
      expect(events).toEqual([
        { event: 'opted_in', keyword: 'YES' },
        { event: 'opted_out', keyword: 'STOP' },
        { event: 'carrier_blocked', keyword: 'STOP' },
        { event: 'opted_in', keyword: 'START' },
        { event: 'carrier_unblocked', keyword: 'START' },
      ]);
    });

    it('should welcome once and record one opt-in when YES arrives three times at once', async () => {
      const phone = nextPhone();
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      await eventually(() => textsTo(phone).length === 1, 'the prompt');
      const copies = Array.from({ length: 3 }, () => sut.fakeTwilio!.inboundParams({ from: phone, to: SAC.phoneNumber, body: 'YES' }));
      const responses = await Promise.all(copies.map((params) => sut.fakeTwilio!.postInbound(smsUrl(), params)));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      await eventually(() => textsTo(phone).length === 2, 'the welcome');
      await sut.outbox.drainOnce();
      expect(textsTo(phone)).toEqual([PROMPT, DEFAULT_SETTINGS['texts.welcome']]);
      await expect(count('consent_records r JOIN contacts k ON k.id = r.contact_id', "k.phone = ? AND r.event = 'opted_in'", [phone])).resolves.toBe(1);
    });

    it('should treat "cancel my appointment" as a message, not an opt-out', async () => {
      const phone = nextPhone();
      await optIn(phone);
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'cancel my appointment' });
      await expect(consentOf(phone)).resolves.toBe('opted_in');
    });

    it('should send the HELP text to a phone that has not opted in', async () => {
      const phone = nextPhone();
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'help' });
      await eventually(() => textsTo(phone).length === 1, 'the help text');
      expect(textsTo(phone)).toEqual([DEFAULT_SETTINGS['texts.help']]);
    });

    it('should prompt a pending phone again only after a day', async () => {
      const phone = nextPhone();
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hello?' });
      await eventually(() => textsTo(phone).length === 1, 'the first prompt');
      await sut.outbox.drainOnce();
      expect(textsTo(phone)).toEqual([PROMPT]);

      await sut.dataSource.getRepository(ContactEntity).update({ phone }, { lastPromptedAt: new Date(Date.now() - 25 * 3600_000) });
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Anyone there?' });
      await eventually(() => textsTo(phone).length === 2, 'the second prompt');
      expect(textsTo(phone)).toEqual([PROMPT, PROMPT]);
    });

    it('should store a blocked client\'s text without showing it in the open inbox or replying', async () => {
      const phone = nextPhone();
      await optIn(phone);
      await sut.query('UPDATE conversations SET status = ?, open_key = NULL WHERE contact_id = (SELECT id FROM contacts WHERE phone = ?)', ['archived', phone]);
      await sut.dataSource.getRepository(ContactEntity).update({ phone }, { blockedAt: new Date(), blockedReason: 'test' });
      const { messageSid } = await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'HELP' });
      await sut.outbox.drainOnce();
      const [row] = await sut.query<{ from_blocked_client: number | boolean; status: string }>(
        'SELECT m.from_blocked_client, c.status FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.provider_message_id = ?', [messageSid]);
      expect(Boolean(row.from_blocked_client)).toBe(true);
      expect(row.status).toBe('archived');
      await expect(count('conversations c JOIN contacts k ON k.id = c.contact_id', "k.phone = ? AND c.status = 'open'", [phone])).resolves.toBe(0);
      expect(textsTo(phone)).toHaveLength(1);
    });
  });

  describe('delivery receipts', () => {
    const statusOf = async (sid: string) =>
      (await sut.query<{ status: string; error_code: string | null; error_message: string | null }>('SELECT status, error_code, error_message FROM messages WHERE provider_message_id = ?', [sid]))[0];
    const promptSidFor = async (phone: string) => {
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      const text = await eventually(() => sut.sentTexts().find((t) => t.to === phone), 'the prompt');
      await eventually(async () => (await statusOf(text.sid))?.status === 'sent', 'the prompt marked sent');
      return text.sid;
    };

    it('should keep the first final status when a late "sent" arrives after "delivered"', async () => {
      const sid = await promptSidFor(nextPhone());
      expect((await sut.fakeTwilio!.deliver(sid, 'delivered')).status).toBe(200);
      expect((await sut.fakeTwilio!.deliver(sid, 'sent')).status).toBe(200);
      expect((await sut.fakeTwilio!.deliver(sid, 'undelivered', '30003')).status).toBe(200);
      await expect(statusOf(sid)).resolves.toEqual({ status: 'delivered', error_code: null, error_message: null });
      await expect(count('message_status_events', 'provider_message_id = ?', [sid])).resolves.toBe(3);
    });

    it('should show why a text was not delivered', async () => {
      const sid = await promptSidFor(nextPhone());
      await sut.fakeTwilio!.deliver(sid, 'undelivered', '30003');
      await expect(statusOf(sid)).resolves.toEqual({
        status: 'undelivered', error_code: '30003', error_message: 'The client\'s phone was off or out of coverage.',
      });
    });

    it('should set the carrier block for that phone and number when a receipt carries 21610', async () => {
      const phone = nextPhone();
      const sid = await promptSidFor(phone);
      await sut.fakeTwilio!.deliver(sid, 'failed', '21610');
      const blocks = await sut.query<{ hospital_number: string; reason: string }>(
        'SELECT b.hospital_number, b.reason FROM carrier_blocks b JOIN contacts k ON k.id = b.contact_id WHERE k.phone = ? AND b.blocked_at IS NOT NULL', [phone]);
      expect(blocks).toEqual([{ hospital_number: SAC.phoneNumber, reason: '21610' }]);
    });

    it('should accept a receipt for an unknown text and keep it', async () => {
      const params = { MessageSid: `SM${'b'.repeat(32)}`, MessageStatus: 'delivered', To: '+12175550999', From: SAC.phoneNumber };
      const response = await fetch(statusUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sut.fakeTwilio!.signInbound(statusUrl(), params) },
        body: new URLSearchParams(params).toString(),
      });
      expect(response.status).toBe(200);
      await expect(count('message_status_events', 'provider_message_id = ?', [params.MessageSid])).resolves.toBe(1);
    });

    it('should answer 400 naming MessageStatus when it is not a Twilio status', async () => {
      const params = { MessageSid: `SM${'c'.repeat(32)}`, MessageStatus: 'exploded' };
      const response = await sut.fakeTwilio!.postInbound(statusUrl(), params);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ field: 'MessageStatus' });
    });
  });
});

describe('delivery receipts that race the send', () => {
  it('should apply a receipt that arrived before its text\'s provider id was recorded', async () => {
    const sut = await TestApp.start({ provider: 'twilio', env: { OUTBOX_WORKER_ENABLED: 'false' } });
    try {
      const phone = '+12175550778';
      await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      const sid = `SM${'d'.repeat(32)}`;
      const params = { MessageSid: sid, MessageStatus: 'delivered', To: phone, From: SAC.phoneNumber };
      const url = `${sut.url}/webhooks/twilio/status`;
      expect((await sut.fakeTwilio!.postInbound(url, params)).status).toBe(200);
      // The send's transaction records the id only now, after the receipt looked for it.
      const messages = sut.dataSource.getRepository(MessageEntity);
      const prompt = await messages.findOneByOrFail({ toNumber: phone, kind: 'opt_in_prompt' });
      await messages.update({ id: prompt.id }, { providerMessageId: sid, status: 'sent' });

      const changed = await sut.app.get(MessageStatusService).applyOrphanReceipts(sut.dataSource.manager, new Date(Date.now() - 60_000));
      expect(changed.map((m) => [m.id, m.status])).toEqual([[prompt.id, 'delivered']]);
      await expect(sut.app.get(MessageStatusService).applyOrphanReceipts(sut.dataSource.manager, new Date(Date.now() - 60_000))).resolves.toEqual([]);
    } finally {
      await sut.close();
    }
  });
});

describe('Twilio webhooks when the database fails', () => {
  it('should answer 503, never 200, when the text cannot be stored', async () => {
    const sut = await TestApp.start({ provider: 'twilio' });
    try {
      await sut.query('DROP TABLE messages');
      const params = sut.fakeTwilio!.inboundParams({ from: '+12175550777', to: SAC.phoneNumber, body: 'Hi' });
      const response = await sut.fakeTwilio!.postInbound(`${sut.url}/webhooks/twilio/sms`, params);
      expect(response.status).toBe(503);
      expect(JSON.parse(response.body)).toMatchObject({ statusCode: 503, code: 'not_stored' });
    } finally {
      await sut.close();
    }
  });
});
