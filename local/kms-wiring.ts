import type { CfnTemplate } from './template';
import { referencedId } from './wiring';

type Json = Record<string, unknown>;

/**
 * Who may use each KMS key of the template, as AWS would decide it for Enlace's functions: an
 * action on a key is allowed to a function when an IAM policy attached to its role allows that
 * action on that key, and no Deny of the key's own policy applies to the role (the denies Enlace
 * writes are `ArnNotEquals aws:PrincipalArn [roles]`). Read from the same template the CDK deploys.
 */
export interface KmsKeySpec {
  readonly logicalId: string;
  /** action (e.g. "kms:Decrypt") → logical ids of the functions that may do it. */
  readonly allowed: ReadonlyMap<string, ReadonlySet<string>>;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function referencedIds(value: unknown): string[] {
  const direct = referencedId(value);
  if (direct !== undefined) return [direct];
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  if (value !== null && typeof value === 'object') return Object.values(value as Json).flatMap(referencedIds);
  return [];
}

const matches = (pattern: string, action: string): boolean =>
  pattern === '*' || pattern === action || (pattern.endsWith('*') && action.startsWith(pattern.slice(0, -1)));

export const KMS_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

export function readKmsKeys(template: CfnTemplate): KmsKeySpec[] {
  const resources = Object.entries(template.Resources);
  const roleOfFunction = new Map(
    resources
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([logicalId, resource]) => [logicalId, referencedId(resource.Properties?.Role)] as const),
  );
  const policies = resources.filter(([, resource]) => resource.Type === 'AWS::IAM::Policy').map(([, resource]) => resource.Properties ?? {});
  return resources
    .filter(([, resource]) => resource.Type === 'AWS::KMS::Key')
    .map(([keyId, resource]) => {
      const denies = list((resource.Properties?.KeyPolicy as Json | undefined)?.Statement).filter(
        (statement) => (statement as Json).Effect === 'Deny',
      ) as Json[];
      const allowed = new Map<string, Set<string>>();
      for (const action of KMS_ACTIONS) {
        const rolesAllowed = new Set(
          policies.flatMap((policy) => {
            const grants = list((policy.PolicyDocument as Json | undefined)?.Statement).some((raw) => {
              const statement = raw as Json;
              return (
                statement.Effect !== 'Deny' &&
                list(statement.Action).some((pattern) => matches(String(pattern), action)) &&
                list(statement.Resource).some((target) => referencedIds(target).includes(keyId))
              );
            });
            return grants ? list(policy.Roles).flatMap((role) => referencedIds(role)) : [];
          }),
        );
        const deniedTo = (roleId: string) =>
          denies.some((statement) => {
            if (!list(statement.Action).some((pattern) => matches(String(pattern), action))) return false;
            const exempt = ((statement.Condition as Json | undefined)?.ArnNotEquals as Json | undefined)?.['aws:PrincipalArn'];
            return exempt === undefined || !list(exempt).some((arn) => referencedIds(arn).includes(roleId));
          });
        allowed.set(
          action,
          new Set([...roleOfFunction].filter(([, roleId]) => roleId !== undefined && rolesAllowed.has(roleId) && !deniedTo(roleId)).map(([fn]) => fn)),
        );
      }
      return { logicalId: keyId, allowed };
    });
}
