export * from './messaging-provider.interface';
export * from './messaging-provider.errors';
export * from './messaging-provider.constants';
export * from './messaging-provider.options';
export { MessagingProviderModule } from './messaging-provider.module';
export {
  MESSAGING_PROVIDER_MODULE_OPTIONS,
  type MessagingProviderModuleExtras,
} from './messaging-provider.module-definition';
export { CARRIER_MESSAGE_STATUSES, toDeliveryStatus } from './message-status';
export { countSegments, countSmsSegments, type SegmentCount } from './sms-segments';
export { TwilioProvider } from './twilio/twilio.provider';
export { SimulatorProvider } from './simulator/simulator.provider';
export { SimulatedCarrier, type SimulatedCarrierOptions, type SimulatedText, type PhoneText } from './simulator/simulated-carrier';
export type { SimulatorControls } from './simulator/simulator.controls';
export { SIMULATOR_SIGNATURE_HEADER } from './simulator/simulator-signer';
