export * from './messaging-provider.contract';
export * from './fake-twilio-server';
export * from './webhook-receiver';
export { twilioStyleWebhookVocabulary } from './twilio-style-webhook-vocabulary';
