import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { buildKmsSecretBox } from '../../functions/shared/notifications/secret-box';
import { functionAccessKeyId } from '../../local/kms-server';
import type { Wiring } from '../../local/wiring';
import { localCloud } from '../setup/local-cloud-client';

const admin = async <T>(path: string): Promise<T> => (await (await fetch(`${localCloud().admin}${path}`)).json()) as T;

/** A KMS client signing as one of the template's functions, as the local cloud runs it. */
async function asFunction(name: string): Promise<KMSClient> {
  const fn = (await admin<Wiring>('/wiring')).functions.find((candidate) => candidate.entry === `functions/${name}/handler.ts`)!;
  return new KMSClient({
    endpoint: localCloud().kms,
    region: 'us-east-1',
    credentials: { accessKeyId: functionAccessKeyId(fn.logicalId), secretAccessKey: 'local' },
  });
}

/** The signing-secrets key: the template's only KMS key. */
const signingKey = async (): Promise<string> => (await admin<{ arn: string }[]>('/kms'))[0]!.arn;

describe('the local KMS: signing secrets only the delivery path can open, locally too', () => {
  const context = { sellerId: 'seller-a', subscriptionId: 'sub_kms' };

  it('seals as the subscriptions function and opens as the delivery function; a copy onto another subscription does not open', async () => {
    const key = await signingKey();
    const sealed = await buildKmsSecretBox(await asFunction('subscriptions'), key).seal('whsec_local_kms', context);
    expect(JSON.stringify(sealed)).not.toContain('whsec_local_kms');
    const delivery = buildKmsSecretBox(await asFunction('notification-delivery'), key);
    expect(await delivery.open(sealed, context)).toBe('whsec_local_kms');
    await expect(delivery.open(sealed, { ...context, subscriptionId: 'sub_other' })).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  });

  it.each(['order-intake', 'notification-fanout', 'get-order', 'outbox-publisher'])(
    'refuses %s, which has table access but no business with secrets',
    async (name) => {
      const key = await signingKey();
      const sealed = await buildKmsSecretBox(await asFunction('subscriptions'), key).seal('whsec_local_kms', context);
      const client = await asFunction(name);
      await expect(buildKmsSecretBox(client, key).open(sealed, context)).rejects.toMatchObject({ name: 'AccessDeniedException' });
      await expect(client.send(new GenerateDataKeyCommand({ KeyId: key, KeySpec: 'AES_256' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    },
  );

  it('refuses a caller that is none of the functions (a test, a script)', async () => {
    const stranger = new KMSClient({ endpoint: localCloud().kms, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await expect(stranger.send(new DecryptCommand({ KeyId: await signingKey(), CiphertextBlob: Buffer.from('{}') }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});
