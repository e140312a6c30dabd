import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretHint, type SigningSecret, type Subscription } from '../../../domain/notifications';

/**
 * Signing secrets at rest: KMS envelope encryption. Each secret gets its own data key from KMS
 * (GenerateDataKey, AES-256), encrypts it here with AES-256-GCM and forgets the plaintext key; the
 * table keeps only the data key as KMS encrypted it, the IV, the ciphertext and the tag. Reading a
 * secret back takes kms:Decrypt on the signing-secrets key, which only the delivery path holds
 * (the notification-delivery function, and the subscriptions function for the verification
 * handshake: infra/constructs/notifications.ts); every other function with table access reads
 * ciphertext. The encryption context (seller, subscription) binds each secret to its subscription:
 * a sealed value copied onto another subscription does not open.
 */
export interface SecretBox {
  /** Port: seals one secret (needs kms:GenerateDataKey). */
  readonly seal: (secret: string, context: SecretContext) => Promise<Readonly<Record<string, string>>>;
  /** Port: opens one sealed secret (needs kms:Decrypt). */
  readonly open: (sealed: Readonly<Record<string, string>>, context: SecretContext) => Promise<string>;
}

export interface SecretContext {
  readonly sellerId: string;
  readonly subscriptionId: string;
}

const kmsContext = (context: SecretContext): Record<string, string> => ({ purpose: 'enlace-signing-secret', ...context });
const aad = (context: SecretContext): Buffer => Buffer.from(JSON.stringify(kmsContext(context)), 'utf8');

export function buildKmsSecretBox(kms: KMSClient, keyId: string): SecretBox {
  return {
    seal: async (secret, context) => {
      const { Plaintext, CiphertextBlob } = await kms.send(
        new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: kmsContext(context) }),
      );
      if (Plaintext === undefined || CiphertextBlob === undefined) {
        throw new Error('KMS returned no data key');
      }
      const dataKey = Buffer.from(Plaintext);
      try {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', dataKey, iv).setAAD(aad(context));
        const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
        return {
          scheme: 'kms-envelope-aes256gcm-v1',
          encryptedKey: Buffer.from(CiphertextBlob).toString('base64'),
          iv: iv.toString('base64'),
          ciphertext: ciphertext.toString('base64'),
          tag: cipher.getAuthTag().toString('base64'),
        };
      } finally {
        dataKey.fill(0);
        Plaintext.fill(0);
      }
    },
    open: async (sealed, context) => {
      const { Plaintext } = await kms.send(
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: Buffer.from(sealed.encryptedKey ?? '', 'base64'), EncryptionContext: kmsContext(context) }),
      );
      if (Plaintext === undefined) {
        throw new Error('KMS returned no plaintext');
      }
      const dataKey = Buffer.from(Plaintext);
      try {
        const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(sealed.iv ?? '', 'base64')).setAAD(aad(context));
        decipher.setAuthTag(Buffer.from(sealed.tag ?? '', 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext ?? '', 'base64')), decipher.final()]).toString('utf8');
      } finally {
        dataKey.fill(0);
        Plaintext.fill(0);
      }
    },
  };
}

/** The secrets as they are stored: every value sealed, none in the clear (a legacy clear value is sealed on its next write). */
export async function sealSecrets(subscription: Subscription, box: Pick<SecretBox, 'seal'>): Promise<SigningSecret[]> {
  const context = { sellerId: subscription.sellerId, subscriptionId: subscription.subscriptionId };
  return Promise.all(
    subscription.secrets.map(async ({ secret, sealed, ...rest }) => ({
      ...rest,
      hint: rest.hint ?? secretHint(secret ?? ''),
      sealed: sealed ?? (await box.seal(secret!, context)),
    })),
  );
}

/** The subscription with every secret's value opened, for signing (the delivery path only). */
export async function openSecrets(subscription: Subscription, box: Pick<SecretBox, 'open'>): Promise<Subscription> {
  const context = { sellerId: subscription.sellerId, subscriptionId: subscription.subscriptionId };
  const secrets = await Promise.all(
    subscription.secrets.map(async (entry) =>
      entry.secret !== undefined || entry.sealed === undefined ? entry : { ...entry, secret: await box.open(entry.sealed, context) },
    ),
  );
  return { ...subscription, secrets };
}
