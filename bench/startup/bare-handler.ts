/**
 * The yardstick of `npm run startup`: a handler that imports one AWS SDK client and creates it at
 * module scope, as every Enlace function does, and nothing else.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (): Promise<{ readonly region: unknown }> => ({ region: await client.config.region() });
