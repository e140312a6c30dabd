import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { routeKey } from '../../api/registry';
import { API_ROUTES } from '../../api/routes';
import { buildApp, cdkJsonContext } from '../../infra/app';
import { OPENAPI_DOCUMENT } from '../setup/api-contract';

// Bundling is skipped, as in enlace-stack.test.ts: the routes are what matters here.
process.env.CDK_DEFAULT_ACCOUNT ??= '123456789012';
process.env.CDK_DEFAULT_REGION ??= 'us-east-1';
const { stack } = buildApp(new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } }), { validate: false });
const routes = Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Route')).map(
  (resource) => resource.Properties as { RouteKey: string; AuthorizationType?: string },
);

describe('the HTTP API and its OpenAPI document', () => {
  it('describe the same routes: every route of the stack is in openapi.json, and nothing else is', () => {
    const inStack = routes.map((route) => route.RouteKey).sort();
    const inDocument = Object.entries(OPENAPI_DOCUMENT.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();

    expect(inDocument).toEqual(inStack);
    expect(API_ROUTES.map(routeKey).sort()).toEqual(inStack);
  });

  it('ask for an API key exactly where the document says so', () => {
    const keyed = new Set(API_ROUTES.filter((route) => route.security === 'apiKey' || route.security === 'warehouseKey').map(routeKey));

    for (const route of routes) {
      expect([route.RouteKey, route.AuthorizationType]).toEqual([route.RouteKey, keyed.has(route.RouteKey) ? 'CUSTOM' : 'NONE']);
    }
  });
});
