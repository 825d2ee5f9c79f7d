import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, TEST_CONFIG, loadConfig, parseConfig, placeholderValues, type ConfigSource } from '../../infra/config';

/** The deployment configuration: read once, validated, with errors that name the value. */

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
const fromCdkJson = (env: Record<string, string | undefined> = {}): ConfigSource => ({ context: (key) => cdkJson.context[key], env });

const REAL = {
  BEVAKNING_SENDING_DOMAIN: 'kommun.se',
  BEVAKNING_MAIL_FROM: 'bevakning@kommun.se',
  BEVAKNING_JWT_ISSUER: 'https://login.microsoftonline.com/3f1c2d9e-8a7b-4c6d-9e0f-1a2b3c4d5e6f/v2.0',
  BEVAKNING_JWT_AUDIENCE: '6b0e7d9c-2f4a-4b3e-8d1c-0a9b8c7d6e5f',
  BEVAKNING_ALARM_EMAIL: 'it-drift@kommun.se',
  BEVAKNING_PUBLIC_BASE_URL: 'https://bevakning.kommun.se',
};

describe('the deployment configuration', () => {
  it('synthesizes from the placeholders in cdk.json when no AWS account is in play (a fresh clone)', () => {
    const config = loadConfig(fromCdkJson());
    expect(config.sendingDomain).toBe('kommun.example.se');
    expect(config.maxSendRate).toBe(14);
    expect(config.council).toBe('KF');
    expect(config.region).toBe('eu-north-1');
    expect(config.account).toBeUndefined();
  });

  it('refuses the placeholders once an account is targeted, naming each one', () => {
    const attempt = () => loadConfig(fromCdkJson({ CDK_DEFAULT_ACCOUNT: '123456789012' }));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/sendingDomain \(environment BEVAKNING_SENDING_DOMAIN or context bevakning:sendingDomain\)/);
    expect(attempt).toThrow(/jwtAudience/);
    expect(attempt).toThrow(/alarmEmail/);
  });

  it('a region deploys with its council, RF, whose meeting plan motions are answered by', () => {
    expect(loadConfig(fromCdkJson({ BEVAKNING_COUNCIL: 'RF' })).council).toBe('RF');
  });

  it('takes environment variables over context, and deploys with real values', () => {
    const config = loadConfig(fromCdkJson({ ...REAL, CDK_DEFAULT_ACCOUNT: '123456789012', BEVAKNING_MAX_SEND_RATE: '50' }));
    expect(config).toMatchObject({ sendingDomain: 'kommun.se', mailFrom: 'bevakning@kommun.se', maxSendRate: 50 });
    expect(placeholderValues(config)).toEqual([]);
  });

  it('names a missing value with both ways to set it', () => {
    const { sendingDomain: _, ...rest } = TEST_CONFIG;
    expect(() => parseConfig(rest)).toThrow(
      /sendingDomain \(environment BEVAKNING_SENDING_DOMAIN or context bevakning:sendingDomain\): missing/,
    );
    const none: ConfigSource = { context: () => undefined, env: {} };
    const message = (() => {
      try {
        loadConfig(none);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const key of ['sendingDomain', 'mailFrom', 'jwtIssuer', 'jwtAudience', 'alarmEmail', 'publicBaseUrl', 'maxSendRate']) {
      expect(message).toContain(`${key} (`);
    }
    expect(message).not.toContain('region (');
    expect(message).not.toContain('council (');
    expect(message).not.toContain('account (');
  });

  it('refuses malformed values with a reason', () => {
    expect(() => parseConfig({ ...TEST_CONFIG, jwtIssuer: 'http://login.microsoftonline.com/x/v2.0' })).toThrow(/jwtIssuer .*https/);
    expect(() => parseConfig({ ...TEST_CONFIG, mailFrom: 'bevakning@annan.example.se' })).toThrow(/mailFrom .*sendingDomain/);
    expect(() => parseConfig({ ...TEST_CONFIG, maxSendRate: 'fjorton' })).toThrow(/maxSendRate/);
    expect(() => parseConfig({ ...TEST_CONFIG, account: '1234' })).toThrow(/12-digit/);
    expect(() => parseConfig({ ...TEST_CONFIG, publicBaseUrl: 'https://bevakning.kommun.se/' })).toThrow(/slash/);
    expect(() => parseConfig({ ...TEST_CONFIG, council: 'LF' })).toThrow(/council .*KF, RF/);
  });

  it('takes an API domain only with its certificate, in the deployment region', () => {
    const certificate = 'arn:aws:acm:eu-north-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
    expect(parseConfig({ ...TEST_CONFIG, apiDomainName: 'bevakning.kommun.se', apiCertificateArn: certificate })).toMatchObject({
      apiDomainName: 'bevakning.kommun.se',
      apiCertificateArn: certificate,
    });
    expect(() => parseConfig({ ...TEST_CONFIG, apiDomainName: 'bevakning.kommun.se' })).toThrow(/both or neither/);
    expect(() =>
      parseConfig({ ...TEST_CONFIG, apiDomainName: 'bevakning.kommun.se', apiCertificateArn: certificate.replace('eu-north-1', 'us-east-1') }),
    ).toThrow(/deployment region/);
  });
});
