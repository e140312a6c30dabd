import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GetProduct, GetProducts, ListProducts, Product } from '../../../domain/catalog';
import { batchGetAll } from './batch-get';
import { decodeCursor, nextCursorOf } from './cursor';
import { keys, PRODUCT_PREFIX } from './keys';

/** Port: stores a new product; `exists` when the seller already has that SKU. */
export type CreateProduct = (product: Product) => Promise<'created' | 'exists'>;
/** Port: stores a changed product, only if it is still at `expectedVersion`; `conflict` otherwise. */
export type SaveProductChange = (product: Product, expectedVersion: number) => Promise<'saved' | 'conflict'>;

const productItem = (product: Product) => ({ ...keys.product(product.sellerId, product.sku), type: 'Product', ...product });

function productFromItem(item: Record<string, unknown>): Product {
  const { pk: _pk, sk: _sk, type: _type, ...product } = item;
  return product as unknown as Product;
}

export function buildCreateProduct(documents: DynamoDBDocumentClient, tableName: string): CreateProduct {
  return async (product) => {
    try {
      await documents.send(new PutCommand({ TableName: tableName, Item: productItem(product), ConditionExpression: 'attribute_not_exists(pk)' }));
      return 'created';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  };
}

export function buildSaveProductChange(documents: DynamoDBDocumentClient, tableName: string): SaveProductChange {
  return async (product, expectedVersion) => {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: productItem(product),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      throw error;
    }
  };
}

export function buildGetProduct(documents: DynamoDBDocumentClient, tableName: string): GetProduct {
  return async (sellerId, sku) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.product(sellerId, sku), ConsistentRead: true }));
    return Item === undefined ? undefined : productFromItem(Item);
  };
}

/** The seller's products among `skus`, in one BatchGetItem per 100. */
export function buildGetProducts(documents: DynamoDBDocumentClient, tableName: string): GetProducts {
  return async (sellerId, skus) => {
    const items = await batchGetAll(
      documents,
      tableName,
      [...new Set(skus)].map((sku) => keys.product(sellerId, sku)),
    );
    return new Map(items.map(productFromItem).map((product) => [product.sku, product]));
  };
}

export function buildListProducts(documents: DynamoDBDocumentClient, tableName: string): ListProducts {
  return async (sellerId, { limit, cursor }) => {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, PRODUCT_PREFIX);
    const { pk } = keys.product(sellerId, '');
    const { Items = [], LastEvaluatedKey } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': PRODUCT_PREFIX },
        Limit: limit,
        ...(after === undefined ? {} : { ExclusiveStartKey: { pk, sk: after } }),
      }),
    );
    return { items: Items.map(productFromItem), ...nextCursorOf(LastEvaluatedKey) };
  };
}
