import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { localSecret, SecretsManagerServer } from '../../local/secrets-manager-server';
import { localCloud } from '../setup/local-cloud-client';
import { WEBHOOK_FEEDS } from '../../domain/tracking';

describe('the local Secrets Manager', () => {
  const secret = localSecret({ logicalId: 'WebhookSecrets0A1B2C' }, JSON.stringify({ correios: ['abc'] }));
  const server = new SecretsManagerServer([secret]);
  let client: SecretsManagerClient;

  beforeAll(async () => {
    const endpoint = await server.listen();
    client = new SecretsManagerClient({ region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, endpoint });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('answers GetSecretValue to the real SDK client, by ARN or by name', async () => {
    const byArn = await client.send(new GetSecretValueCommand({ SecretId: secret.arn }));
    const byName = await client.send(new GetSecretValueCommand({ SecretId: secret.name }));
    expect([byArn.SecretString, byArn.ARN, byArn.VersionStages]).toEqual([secret.value, secret.arn, ['AWSCURRENT']]);
    expect(byName.SecretString).toBe(secret.value);
    expect(byArn.CreatedDate).toBeInstanceOf(Date);
  });

  it('answers ResourceNotFoundException for a secret it does not hold', async () => {
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("holds the template's tracking webhook secret in the shared local cloud, with a secret for every carrier", async () => {
    const secrets = (await (await fetch(`${localCloud().admin}/secrets`)).json()) as { logicalId: string; value: Record<string, unknown> }[];
    const webhook = secrets.find((entry) => entry.logicalId.startsWith('TrackingWebhookSecrets'));
    // Every feed that pushes, carriers and aggregators (domain/tracking/carriers); none for a carrier Enlace only polls.
    expect(Object.keys(webhook?.value ?? {}).sort()).toEqual([...WEBHOOK_FEEDS].sort());
    expect(Object.keys(webhook?.value ?? {})).toEqual(expect.arrayContaining(['17track', 'aftership', 'correios', 'enlace-linehaul']));
    expect(Object.keys(webhook?.value ?? {})).not.toContain('jadlog');
    expect((webhook?.value.correios as string[])[0]).toMatch(/^[A-Za-z0-9]{48}$/);
  });
});
