import { App } from 'aws-cdk-lib';
import { buildApp, cdkJsonContext } from '../infra/app';

/** A CloudFormation template as the CDK synthesizes it. */
export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { Value: unknown }>;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/**
 * Synthesizes the CDK app exactly as `cdk synth` does, but without bundling the functions
 * (the local cloud runs their TypeScript sources) and without the cdk-nag report. `context` is CDK
 * context, as `cdk synth -c key=value` passes it (e.g. a shorter notification retry window for tests).
 */
export function synthesizeTemplate(context: Record<string, unknown> = {}): CfnTemplate {
  const app = new App({ context: { ...cdkJsonContext(), ...context, 'aws:cdk:bundling-stacks': [] }, outdir: undefined });
  const { stack } = buildApp(app, { validate: false });
  const assembly = app.synth();
  return assembly.getStackArtifact(stack.artifactId).template as CfnTemplate;
}
