import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One document client per execution environment. AWS_ENDPOINT_URL_DYNAMODB (read by the SDK itself)
 * points it at DynamoDB Local; nothing here knows where it runs.
 */
export function buildDocumentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Re-exported for the handlers that build a client too; one that only reads its environment imports ../env (no DynamoDB client loaded). */
export { requiredEnv } from '../env';
