/**
 * The demo SANDI clients' phones (libs/sandi-adapter/fixtures/demo-fixtures.json: fictional people,
 * 555-01xx numbers). The simulator offers them first; any other number can be typed.
 */
export interface DemoPhone {
  phone: string;
  label: string;
}

export const DEMO_PHONES: DemoPhone[] = [
  { phone: '+12175550101', label: 'Jane Doe and John Doe (shared cell)' },
  { phone: '+12175550102', label: 'John Doe (work)' },
  { phone: '+12175550103', label: 'María González' },
  { phone: '+12175550104', label: 'Miller Family Dairy (Robert Miller)' },
  { phone: '+12175550105', label: 'Miller Family Dairy (second phone)' },
  { phone: '+12175550106', label: 'Emily Chen' },
  { phone: '+12175550107', label: 'Dorothy Schmidt' },
  { phone: '+12175550108', label: "Kevin O'Brien" },
  { phone: '+12175550109', label: 'Aisha Patel' },
  { phone: '+12175550110', label: 'Prairie Rose Alpacas (Tom Anderson)' },
  { phone: '+12175550111', label: 'Linda Nguyen' },
  { phone: '+12175550112', label: 'Samuel Brooks' },
  { phone: '+12175550113', label: 'Samuel Brooks (second phone)' },
  { phone: '+12175550114', label: 'Grace Wilson' },
  { phone: '+12175550177', label: 'Unknown to SANDI' },
];
