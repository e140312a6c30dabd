import type { Tenant } from './tenant';

/** An API key as stored: only its hash, never the key itself. */
export interface ApiKeyRecord {
  readonly keyHash: string;
  /** The first characters of the key, so an operator can tell keys apart without seeing them. */
  readonly keyPrefix: string;
  readonly name: string;
  readonly tenant: Tenant;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** Port: finds the tenant of a key by the key's hash; revoked and unknown keys give undefined. */
export type FindTenantByKeyHash = (keyHash: string) => Promise<Tenant | undefined>;

/** Port: stores a new API key record. */
export type SaveApiKey = (record: ApiKeyRecord) => Promise<void>;

/** Port: revokes a key (by its hash) at `at`; false when no such key exists. Revoking twice keeps the first time. */
export type RevokeApiKey = (keyHash: string, at: Date) => Promise<boolean>;

/** Port: every key record (operators' listing; keys are few). */
export type ListApiKeys = () => Promise<ApiKeyRecord[]>;
