import { generatedPassword, localSecret, localSecretValue } from '../../../local/secrets-manager-server';

describe('the local Secrets Manager values', () => {
  const spec = {
    logicalId: 'TrackingWebhookSecretsA1B2C3D4',
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ correios: [], estafeta: [], note: 'kept' }),
      generateStringKey: 'enlace-linehaul',
      passwordLength: 48,
    },
  };

  it('generates like Secrets Manager (template + generated key) and fills each empty slot with one secret, locally', () => {
    let n = 0;
    const value = JSON.parse(localSecretValue(spec, (length) => `s${++n}-${length}`)) as Record<string, unknown>;
    expect(value).toEqual({ correios: ['s1-48'], estafeta: ['s2-48'], note: 'kept', 'enlace-linehaul': 's3-48' });
  });

  it('keeps an explicit SecretString, and generates a plain password when there is no template', () => {
    expect(localSecretValue({ logicalId: 'Fixed', secretString: 'shh' })).toBe('shh');
    expect(localSecretValue({ logicalId: 'Plain' })).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(generatedPassword(48)).toMatch(/^[A-Za-z0-9]{48}$/);
  });

  it('gives each secret an ARN functions can pass back', () => {
    expect(localSecret(spec, '{}')).toEqual({
      logicalId: spec.logicalId,
      name: `enlace/${spec.logicalId}`,
      arn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:enlace/TrackingWebhookSecretsA1B2C3D4-B2C3D4',
      value: '{}',
    });
  });
});
