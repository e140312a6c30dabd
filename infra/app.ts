import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnlaceStack } from './stacks/enlace-stack';

/** The feature flags of cdk.json, so tests and the local cloud synthesize exactly what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(__dirname, '..', 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/** Builds the whole Enlace app; the CDK CLI, the infra tests and the local cloud all start here. */
export function buildApp(app: App = new App(), options: { validate?: boolean } = {}): { app: App; stack: EnlaceStack } {
  const stack = new EnlaceStack(app, 'Enlace', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: 'Enlace: cross-border logistics backend (orders, rating, routing, customs, tracking, notifications)',
  });
  if (options.validate ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  }
  return { app, stack };
}

if (require.main === module) {
  buildApp().app.synth();
}
