import type { Context } from 'aws-lambda';
import type { Tenant } from '../../../domain/shared/tenant';
import type { AuthorizerContext, HttpEvent } from '../../../functions/shared/http/http-handler';

export const lambdaContext = { awsRequestId: 'req-1', functionName: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

export function claimsFor(tenant: Tenant | undefined): AuthorizerContext {
  return tenant === undefined
    ? { authenticated: 'false' }
    : {
        authenticated: 'true',
        tenantId: tenant.tenantId,
        tenantKind: tenant.kind,
        sellerIds: tenant.sellerIds.join(','),
        ...(tenant.warehouseCode === undefined ? {} : { warehouseCode: tenant.warehouseCode }),
      };
}

/** An HTTP API payload 2.0 event as API Gateway builds it. */
export function httpEvent(options: {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  tenant?: Tenant;
  isBase64Encoded?: boolean;
}): HttpEvent {
  return {
    version: '2.0',
    routeKey: `${options.method ?? 'POST'} ${options.path ?? '/v1/orders'}`,
    rawPath: options.path ?? '/v1/orders',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.pathParameters === undefined ? {} : { pathParameters: options.pathParameters }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: options.method ?? 'POST', path: options.path ?? '/v1/orders', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: 'req-1',
      routeKey: `${options.method ?? 'POST'} ${options.path ?? '/v1/orders'}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      authorizer: { integrationLatency: 0, principalId: '', lambda: claimsFor(options.tenant) },
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: options.isBase64Encoded ?? false,
  } as HttpEvent;
}
