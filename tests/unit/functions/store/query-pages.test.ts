import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { queryPages } from '../../../../functions/shared/store/query-pages';

/* The stores' one paging loop (functions/shared/store/query-pages.ts), against aws-sdk-client-mock. */

const dynamo = mockClient(DynamoDBDocumentClient);
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const input = { TableName: 'enlace-test', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'P' } };
const item = (sk: string) => ({ pk: 'P', sk });

beforeEach(() => dynamo.reset());

describe('queryPages', () => {
  it('follows LastEvaluatedKey through every page, in order, starting each page where the last ended', async () => {
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [item('a'), item('b')], LastEvaluatedKey: item('b') })
      .resolvesOnce({ Items: [], LastEvaluatedKey: item('b2') })
      .resolvesOnce({ Items: [item('c')] });

    await expect(queryPages(documents, input)).resolves.toEqual([item('a'), item('b'), item('c')]);

    const sent = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(sent).toEqual([input, { ...input, ExclusiveStartKey: item('b') }, { ...input, ExclusiveStartKey: item('b2') }]);
  });

  it('with a limit, asks each page only for what is still missing and stops once it has them', async () => {
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [item('a'), item('b')], LastEvaluatedKey: item('b') })
      .resolvesOnce({ Items: [item('c')], LastEvaluatedKey: item('c') })
      .resolves({ Items: [item('never')] });

    await expect(queryPages(documents, input, 3)).resolves.toEqual([item('a'), item('b'), item('c')]);

    const sent = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(sent).toEqual([
      { ...input, Limit: 3 },
      { ...input, Limit: 1, ExclusiveStartKey: item('b') },
    ]);
  });

  it('makes one request when the first page is the last', async () => {
    dynamo.on(QueryCommand).resolves({});
    await expect(queryPages(documents, input, 10)).resolves.toEqual([]);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(1);
  });
});
