import type { OutboundText } from '../messaging-provider.interface';
import { describeMessagingProviderContract, twilioStyleWebhookVocabulary, WebhookReceiver } from '../testing';
import { SimulatedCarrier } from './simulated-carrier';
import { SimulatorSigner, SIMULATOR_SIGNATURE_HEADER } from './simulator-signer';
import { SimulatorProvider } from './simulator.provider';

const HOSPITAL_NUMBER = '+18444073300';
const OTHER_HOSPITAL_NUMBER = '+18445550100';
const CLIENT_PHONE = '+15558675310';

describeMessagingProviderContract(SimulatorProvider.name, async () => {
  const app = await WebhookReceiver.start();
  const carrier = new SimulatedCarrier({ publicBaseUrl: app.baseUrl, receiptDelayMs: 0 });
  return {
    sut: new SimulatorProvider(carrier),
    harness: {
      publicBaseUrl: app.baseUrl,
      vocabulary: twilioStyleWebhookVocabulary,
      signWebhook: (url, params) => ({ [SIMULATOR_SIGNATURE_HEADER]: carrier.signer.sign(url, params) }),
      failNextSend: (kind) => carrier.failNextSend(kind),
      taken: async () =>
        carrier.sentTexts().map(({ providerMessageId, from, to, body, mediaUrls, statusCallbackUrl }) => ({
          providerMessageId,
          from,
          to,
          body,
          mediaUrls,
          statusCallbackUrl,
        })),
      close: async () => {
        carrier.close();
        await app.close();
      },
    },
  };
});

describe(SimulatorProvider.name, () => {
  let app: WebhookReceiver;
  let carrier: SimulatedCarrier;
  let sut: SimulatorProvider;
  let warnings: string[];

  const text = (overrides: Partial<OutboundText> = {}): OutboundText => ({
    reference: 'outbox-7',
    from: HOSPITAL_NUMBER,
    to: CLIENT_PHONE,
    body: 'Biscuit is ready to go home.',
    statusCallbackUrl: `${app.baseUrl}/webhooks/simulator/status`,
    ...overrides,
  });

  const startCarrier = (options: { receiptDelayMs?: number; signingSecret?: string } = {}) => {
    carrier?.close();
    carrier = new SimulatedCarrier({ publicBaseUrl: app.baseUrl, logger: { warn: (message) => void warnings.push(message) }, ...options });
    sut = new SimulatorProvider(carrier);
  };

  beforeEach(async () => {
    warnings = [];
    app = await WebhookReceiver.start();
    startCarrier({ receiptDelayMs: 0 });
  });

  afterEach(async () => {
    carrier.close();
    await app.close();
  });

  describe('delivery receipts', () => {
    it('should post a signed delivered receipt to the status callback when a text was sent', async () => {
      const sent = await sut.send(text());

      const receipt = await app.waitFor((webhook) => webhook.path === '/webhooks/simulator/status');

      expect(sut.verifyWebhook(receipt)).toBe(true);
      expect(sut.parseStatus(receipt.params)).toEqual({
        providerMessageId: sent.providerMessageId,
        status: 'delivered',
        errorCode: null,
        errorMessage: null,
      });
      expect(carrier.sentTexts()[0].status).toBe('delivered');
    });

    it('should post the reported status and error code when a status is reported by hand', async () => {
      startCarrier({ receiptDelayMs: 60_000 });
      const sent = await sut.send(text());

      const httpStatus = await carrier.reportStatus(sent.providerMessageId, 'undelivered', '30003');
      const receipt = await app.waitFor();

      expect(httpStatus).toBe(200);
      expect(sut.parseStatus(receipt.params)).toMatchObject({ status: 'undelivered', errorCode: '30003' });
      expect(carrier.sentTexts()[0].status).toBe('undelivered');
    });

    it('should reject a report when the carrier never took that text', async () => {
      await expect(carrier.reportStatus('SM00000000000000000000000000000000', 'delivered')).rejects.toThrow(/never took/);
    });

    it('should log and not throw when the status callback cannot be reached', async () => {
      const gone = await WebhookReceiver.start();
      const unreachable = `${gone.baseUrl}/webhooks/simulator/status`;
      await gone.close();

      await sut.send(text({ statusCallbackUrl: unreachable }));
      await until(() => warnings.length > 0);

      expect(warnings[0]).toContain(unreachable);
    });

    it('should post no receipt when the carrier is closed before it is due', async () => {
      startCarrier({ receiptDelayMs: 20 });
      await sut.send(text());

      carrier.close();
      await sleep(100);

      expect(app.received).toEqual([]);
    });
  });

  describe('phones', () => {
    it('should post a signed inbound text to IVM when a phone texts a hospital number', async () => {
      const { httpStatus, providerMessageId } = await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: 'Is Biscuit ready?' });
      const inbound = await app.waitFor();

      expect(httpStatus).toBe(200);
      expect(inbound.path).toBe('/webhooks/simulator/sms');
      expect(sut.verifyWebhook(inbound)).toBe(true);
      expect(sut.parseInbound(inbound.params)).toEqual({ providerMessageId, from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: 'Is Biscuit ready?', media: [] });
    });

    it('should pass on the media when a phone sends a picture without text', async () => {
      await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: '', mediaUrls: ['https://media.example.com/rash.jpg'] });
      const inbound = await app.waitFor();

      expect(sut.parseInbound(inbound.params)).toMatchObject({ body: '', media: [{ url: 'https://media.example.com/rash.jpg', contentType: null }] });
    });

    it('should answer with what IVM answered when IVM refuses the text', async () => {
      app.respondWith(503);

      await expect(carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: 'hi' })).resolves.toMatchObject({ httpStatus: 503 });
    });
  });

  describe('carrier opt-out', () => {
    const sendFailure = async (outbound: OutboundText) => {
      try {
        await sut.send(outbound);
      } catch (error) {
        return sut.classifyError(error);
      }
      return null;
    };

    it.each(['STOP', ' stop ', 'Unsubscribe', 'cancel', 'END', 'quit', 'REVOKE', 'optout', 'STOPALL'])(
      'should refuse texts from that number with 21610 when the phone texted %p to it',
      async (keyword) => {
        await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: keyword });

        await expect(sendFailure(text())).resolves.toMatchObject({ kind: 'opted_out', code: '21610' });
      },
    );

    it('should still send from another number when the phone opted out of one', async () => {
      await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: 'STOP' });

      await expect(sut.send(text({ from: OTHER_HOSPITAL_NUMBER }))).resolves.toMatchObject({ status: 'sent' });
    });

    it('should not block when the keyword is only part of the text', async () => {
      await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: 'cancel my appointment' });

      await expect(sut.send(text())).resolves.toMatchObject({ status: 'sent' });
    });

    it.each(['START', 'unstop', 'Yes'])('should lift the block when the phone texts %p to that number', async (keyword) => {
      await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: 'STOP' });

      await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: keyword });

      await expect(sut.send(text())).resolves.toMatchObject({ status: 'sent' });
    });

    it('should keep the block when the phone texts START to another number', async () => {
      await carrier.textFromPhone({ from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: 'STOP' });

      await carrier.textFromPhone({ from: CLIENT_PHONE, to: OTHER_HOSPITAL_NUMBER, body: 'START' });

      await expect(sendFailure(text())).resolves.toMatchObject({ kind: 'opted_out' });
    });
  });

  describe('scripted failures', () => {
    it('should fail the next sends in order when several failures are queued', async () => {
      carrier.failNextSend('transient');
      carrier.failNextSend('permanent');

      const kinds: string[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        kinds.push(await sut.send(text()).then(() => 'sent', (error: unknown) => sut.classifyError(error).kind));
      }

      expect(kinds).toEqual(['transient', 'permanent', 'sent']);
    });

    it('should count segments when the text is long', async () => {
      await expect(sut.send(text({ body: 'a'.repeat(161) }))).resolves.toMatchObject({ segments: 2 });
    });
  });

  describe('signatures', () => {
    it('should reject a signature from another simulator when secrets differ', () => {
      const url = `${app.baseUrl}/webhooks/simulator/sms`;
      const params = { MessageSid: 'SM' + '0'.repeat(32), From: CLIENT_PHONE, To: HOSPITAL_NUMBER, Body: 'hi' };
      const stranger = new SimulatorSigner('another secret');

      expect(sut.verifyWebhook({ url, params, headers: { [SIMULATOR_SIGNATURE_HEADER]: stranger.sign(url, params) } })).toBe(false);
    });

    it('should accept a signature from another process when both share the signing secret', () => {
      startCarrier({ signingSecret: 'shared secret' });
      const url = `${app.baseUrl}/webhooks/simulator/sms`;
      const params = { MessageSid: 'SM' + '0'.repeat(32), From: CLIENT_PHONE, To: HOSPITAL_NUMBER, Body: 'hi' };

      const signature = new SimulatorSigner('shared secret').sign(url, params);

      expect(sut.verifyWebhook({ url, params, headers: { [SIMULATOR_SIGNATURE_HEADER]: signature } })).toBe(true);
    });
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(10);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
