// The composer's counter must agree with what the outbox counts and the carrier bills, so it uses
// the one implementation, from the messaging-provider library (plain TypeScript with no imports).
export { countSegments, countSmsSegments, type SegmentCount } from '../../../../libs/messaging-provider/src/sms-segments';
