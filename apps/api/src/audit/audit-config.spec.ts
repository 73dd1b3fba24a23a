import { ConfigError, loadConfig } from '../config/app-config';

describe(`${loadConfig.name} (audit)`, () => {
  it('should run the sealer every second with a 10 s grace for missing ids by default', () => {
    expect(loadConfig({ JWT_SECRET: 'secret' }).audit).toEqual({ sealerEnabled: true, sealIntervalMs: 1000, sealGapGraceMs: 10000 });
  });

  it('should read the audit variables', () => {
    const sut = loadConfig({ JWT_SECRET: 'secret', AUDIT_SEALER_ENABLED: 'false', AUDIT_SEAL_INTERVAL_MS: '250', AUDIT_SEAL_GAP_GRACE_MS: '0' });
    expect(sut.audit).toEqual({ sealerEnabled: false, sealIntervalMs: 250, sealGapGraceMs: 0 });
  });

  it.each([
    ['AUDIT_SEALER_ENABLED', 'yes'],
    ['AUDIT_SEAL_INTERVAL_MS', '5'],
    ['AUDIT_SEAL_INTERVAL_MS', 'soon'],
    ['AUDIT_SEAL_GAP_GRACE_MS', '-1'],
  ])('should stop the start with a message naming %s when it is %p', (variable, value) => {
    let problems: string[] = [];
    try {
      loadConfig({ JWT_SECRET: 'secret', [variable]: value });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${variable}=`))]);
  });
});
