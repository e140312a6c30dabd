import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { customsDocumentsReadyV1 } from '../../events/customs';
import { shipmentRoutedV1 } from '../../events/shipment-routed';
import { EnlaceFunction } from './enlace-function';
import { EventConsumer } from './event-consumer';

export interface CustomsDocumentsProps {
  readonly table: dynamodb.ITable;
  readonly bus: events.IEventBus;
  readonly api: apigw.HttpApi;
  readonly alarmTopic: sns.ITopic;
  /** Keep the documents bucket when the stack is deleted (the default: customs records are kept for years). */
  readonly retainData?: boolean;
}

/** The routes customs serves, behind the API-key authorizer. */
export const CUSTOMS_ROUTES = {
  correctOrder: { method: 'PATCH', path: '/v1/orders/{id}' },
  listDocuments: { method: 'GET', path: '/v1/orders/{id}/documents' },
  getDocument: { method: 'GET', path: '/v1/orders/{id}/documents/{type}' },
} as const;

/**
 * Every document object lives under this prefix: orders/<orderId>/v<version>/documents.bin (a version's
 * files packed), and orders/<orderId>/v<version>/<type>.<json|pdf> (a file on its own: written before
 * files were packed, or copied out of the packed object for a link).
 */
const DOCUMENTS_PREFIX = 'orders/*';

/**
 * Customs documents (README, "Customs documents"): shipment.routed → customs-documents (SQS + DLQ)
 * checks the order and stores its invoice, packing list and CN22/CN23 as JSON and PDF in a private
 * bucket → customs.documents-ready | customs.held; PATCH /v1/orders/{id} corrects the order and
 * re-runs the checks; two GET routes serve the documents.
 */
export class CustomsDocuments extends Construct {
  readonly bucket: s3.Bucket;
  readonly consumer: EventConsumer;
  readonly correctOrder: EnlaceFunction;
  readonly reader: EnlaceFunction;

  constructor(scope: Construct, id: string, props: CustomsDocumentsProps) {
    super(scope, id);
    const { table, bus, api, alarmTopic } = props;

    this.bucket = new s3.Bucket(this, 'DocumentsBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: (props.retainData ?? true) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "Only Enlace's own functions write here, at keys fixed by order version, and the table records every document's key and SHA-256; " +
        'server access logs would need a second bucket (with the same exemption) and add no audit trail that the table and CloudTrail do not already give.',
    });

    const environment = { DOCUMENTS_BUCKET: this.bucket.bucketName };
    const objects = this.bucket.arnForObjects(DOCUMENTS_PREFIX);

    this.consumer = new EventConsumer(this, 'Consumer', {
      functionName: 'customs-documents',
      description: `Checks each routed order for customs and stores its documents (JSON + PDF) → ${customsDocumentsReadyV1.type} | customs.held`,
      bus,
      eventPattern: { source: [shipmentRoutedV1.source], detailType: [shipmentRoutedV1.type] },
      alarmTopic,
      memorySize: 1024,
      environment,
    });
    this.consumer.fn.bindTable(table);
    this.consumer.fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] }));

    this.correctOrder = new EnlaceFunction(this, 'CorrectOrder', {
      functionName: 'correct-order',
      description: 'PATCH /v1/orders/{id}: corrects the fields customs needs and re-runs the checks',
      memorySize: 1024,
      timeout: Duration.seconds(20),
      environment,
    }).bindTable(table);
    this.correctOrder.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] }));

    this.reader = new EnlaceFunction(this, 'OrderDocuments', {
      functionName: 'order-documents',
      description: 'GET /v1/orders/{id}/documents and GET /v1/orders/{id}/documents/{type} (PDF, JSON or a 5-minute link)',
      environment,
    }).bindTable(table, 'read');
    // Put: a packed file is copied to its own key on its first link. ListBucket: so that HEAD of a
    // file not copied yet answers 404 (S3 answers 403 without it) and the copy is made.
    this.reader.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }));
    this.reader.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));

    for (const fn of [this.correctOrder, this.reader]) {
      fn.errorsAlarm.addAlarmAction(new cwActions.SnsAction(alarmTopic));
    }

    api.addRoutes({
      path: CUSTOMS_ROUTES.correctOrder.path,
      methods: [apigw.HttpMethod.PATCH],
      integration: new HttpLambdaIntegration('CorrectOrderIntegration', this.correctOrder),
    });
    const readIntegration = new HttpLambdaIntegration('OrderDocumentsIntegration', this.reader);
    for (const route of [CUSTOMS_ROUTES.listDocuments, CUSTOMS_ROUTES.getDocument]) {
      api.addRoutes({ path: route.path, methods: [apigw.HttpMethod.GET], integration: readIntegration });
    }

    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${DOCUMENTS_PREFIX}]`,
      reason:
        'Each function may only put (and the reader get) document objects under orders/ in this one bucket; their keys are per order and version, so no narrower ARN exists.',
    });
  }
}
