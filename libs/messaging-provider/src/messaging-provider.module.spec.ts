import { Inject, Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { MESSAGING_PROVIDER, SIMULATOR_CONTROLS } from './messaging-provider.constants';
import type { MessagingProvider } from './messaging-provider.interface';
import { MessagingProviderModule } from './messaging-provider.module';
import type { MessagingProviderModuleOptions } from './messaging-provider.options';
import type { SimulatorControls } from './simulator/simulator.controls';
import { SimulatorProvider } from './simulator/simulator.provider';
import { FakeTwilioServer, WebhookReceiver } from './testing';
import { TwilioProvider } from './twilio/twilio.provider';

const TWILIO = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'token' };

describe(MessagingProviderModule.name, () => {
  const modules: TestingModule[] = [];

  const compile = async (imports: Parameters<typeof Test.createTestingModule>[0]['imports']) => {
    const moduleRef = await Test.createTestingModule({ imports }).compile();
    modules.push(moduleRef);
    return moduleRef;
  };

  afterEach(async () => {
    await Promise.all(modules.splice(0).map((moduleRef) => moduleRef.close()));
  });

  it('should provide the simulator and its controls when the provider is simulator', async () => {
    const moduleRef = await compile([MessagingProviderModule.forRoot({ provider: 'simulator', publicBaseUrl: 'http://127.0.0.1:1' })]);

    const sut = moduleRef.get<MessagingProvider>(MESSAGING_PROVIDER);
    const controls = moduleRef.get<SimulatorControls | null>(SIMULATOR_CONTROLS);

    expect(sut).toBeInstanceOf(SimulatorProvider);
    expect(sut.name).toBe('simulator');
    expect(controls).toEqual(expect.objectContaining({ textFromPhone: expect.any(Function), sentTexts: expect.any(Function) }));
  });

  it('should show in the controls what the provider sent when both come from one module', async () => {
    const moduleRef = await compile([
      MessagingProviderModule.forRoot({ provider: 'simulator', publicBaseUrl: 'http://127.0.0.1:1', simulator: { receiptDelayMs: 60_000 } }),
    ]);
    const sut = moduleRef.get<MessagingProvider>(MESSAGING_PROVIDER);
    const controls = moduleRef.get<SimulatorControls>(SIMULATOR_CONTROLS);

    const sent = await sut.send({ reference: 'r1', from: '+18444073300', to: '+15558675310', body: 'hi', statusCallbackUrl: 'http://127.0.0.1:1/status' });

    expect(controls.sentTexts()).toEqual([expect.objectContaining({ providerMessageId: sent.providerMessageId, reference: 'r1', body: 'hi' })]);
  });

  it('should provide Twilio and null controls when the provider is twilio', async () => {
    const moduleRef = await compile([MessagingProviderModule.forRoot({ provider: 'twilio', publicBaseUrl: 'https://ivm.example.edu', twilio: TWILIO })]);

    expect(moduleRef.get(MESSAGING_PROVIDER)).toBeInstanceOf(TwilioProvider);
    expect(moduleRef.get(SIMULATOR_CONTROLS)).toBeNull();
  });

  it('should send through the configured API base URL when the twilio provider is built by forRootAsync', async () => {
    const fake = await FakeTwilioServer.start();
    try {
      const moduleRef = await compile([
        MessagingProviderModule.forRootAsync({
          useFactory: async (): Promise<MessagingProviderModuleOptions> => ({
            provider: 'twilio',
            publicBaseUrl: 'https://ivm.example.edu',
            twilio: fake.pluginOptions(),
          }),
        }),
      ]);

      const sent = await moduleRef
        .get<MessagingProvider>(MESSAGING_PROVIDER)
        .send({ reference: 'r1', from: '+18444073300', to: '+15558675310', body: 'hi', statusCallbackUrl: 'https://ivm.example.edu/webhooks/twilio/status' });

      expect(fake.created.map((message) => message.sid)).toEqual([sent.providerMessageId]);
    } finally {
      await fake.close();
    }
  });

  it('should build a fresh provider when each configuration is compiled', async () => {
    const options = { provider: 'simulator', publicBaseUrl: 'http://127.0.0.1:1' } as const;
    const first = await compile([MessagingProviderModule.forRoot(options)]);
    const second = await compile([MessagingProviderModule.forRoot(options)]);

    expect(first.get(MESSAGING_PROVIDER)).not.toBe(second.get(MESSAGING_PROVIDER));
  });

  it('should let any module inject the provider when the module is global by default', async () => {
    @Injectable()
    class OutboxSender {
      constructor(@Inject(MESSAGING_PROVIDER) readonly provider: MessagingProvider) {}
    }
    @Module({ providers: [OutboxSender] })
    class OutboxModule {}

    const moduleRef = await compile([MessagingProviderModule.forRoot({ provider: 'simulator', publicBaseUrl: 'http://127.0.0.1:1' }), OutboxModule]);

    expect(moduleRef.get(OutboxSender).provider).toBeInstanceOf(SimulatorProvider);
  });

  it('should not be global when isGlobal is false', () => {
    const definition = MessagingProviderModule.forRoot({ provider: 'simulator', publicBaseUrl: 'http://127.0.0.1:1', isGlobal: false });

    expect(definition.global).toBe(false);
  });

  it.each([
    ['twilio credentials are missing', { provider: 'twilio', publicBaseUrl: 'https://ivm.example.edu' }, /TWILIO_AUTH_TOKEN/],
    ['the account sid is malformed', { provider: 'twilio', publicBaseUrl: 'https://ivm.example.edu', twilio: { accountSid: 'x', authToken: 't' } }, /TWILIO_ACCOUNT_SID/],
    ['the provider is unknown', { provider: 'carrier-pigeon', publicBaseUrl: 'https://ivm.example.edu' }, /unknown provider "carrier-pigeon"/],
    ['the simulator has no absolute public URL', { provider: 'simulator', publicBaseUrl: 'ivm.local' }, /PUBLIC_BASE_URL/],
  ])('should refuse to start with a clear message when %s', async (_case, options, message) => {
    // The cast lets the test pass configuration the types forbid, as environment variables can.
    await expect(compile([MessagingProviderModule.forRoot(options as MessagingProviderModuleOptions)])).rejects.toThrow(message);
  });

  it('should stop the simulated carrier when the application shuts down', async () => {
    const app = await WebhookReceiver.start();
    try {
      const moduleRef = await Test.createTestingModule({
        imports: [MessagingProviderModule.forRoot({ provider: 'simulator', publicBaseUrl: app.baseUrl, simulator: { receiptDelayMs: 20 } })],
      }).compile();
      await moduleRef.get<MessagingProvider>(MESSAGING_PROVIDER).send({
        reference: 'r1',
        from: '+18444073300',
        to: '+15558675310',
        body: 'hi',
        statusCallbackUrl: `${app.baseUrl}/webhooks/simulator/status`,
      });

      await moduleRef.close();
      // Only a receipt that escaped the shutdown could arrive during this wait.
      await new Promise((resolve) => setTimeout(resolve, 100));

      expect(app.received).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
