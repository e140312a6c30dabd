import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Created once per execution environment. In a module of its own (re-exported by observability.ts)
 * so that a function that never counts anything does not bundle Metrics (about 13 KiB): the package
 * is side-effect free, so esbuild drops a module none of whose exports is used, but not a `new`
 * beside a logger that is.
 */
export const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Enlace', serviceName: 'enlace' });
