import { Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { REDOC_BUNDLE, REDOC_SCRIPT_PATH } from '../../functions/api-reference/api-reference';
import { EnlaceFunction } from './enlace-function';

/** The API describing itself, to anyone: the OpenAPI document, the reference page and the renderer it loads. */
export const API_REFERENCE_ROUTES = ['/v1/openapi.json', '/v1/docs', REDOC_SCRIPT_PATH] as const;

export class ApiReference extends Construct {
  constructor(scope: Construct, id: string, props: { readonly api: apigw.HttpApi; readonly alarmTopic: sns.ITopic }) {
    super(scope, id);
    const fn = new EnlaceFunction(this, 'Function', {
      functionName: 'api-reference',
      description: 'GET /v1/openapi.json, /v1/docs: the OpenAPI document and its rendered reference (public)',
      memorySize: 256,
      copyFiles: [REDOC_BUNDLE],
    });
    fn.errorsAlarm.addAlarmAction(new cwActions.SnsAction(props.alarmTopic));
    const integration = new HttpLambdaIntegration('ApiReferenceIntegration', fn);
    for (const path of API_REFERENCE_ROUTES) {
      const [route] = props.api.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration, authorizer: new HttpNoneAuthorizer() });
      if (route !== undefined) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: 'The API’s published description and its reference page are public, like any API documentation.',
        });
      }
    }
  }
}
