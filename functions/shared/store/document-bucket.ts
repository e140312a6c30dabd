import { GetObjectCommand, NoSuchKey, type GetObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import type { GetDocumentFile, LinkToDocumentFile } from './document-files';

export { buildPutDocumentFile } from './document-put';
export { CONTENT_TYPES, documentFileKey, type FileFormat, type GetDocumentFile, type LinkToDocumentFile, type PutDocumentFile } from './document-files';

export function buildGetDocumentFile(s3: S3Client, bucket: string): GetDocumentFile {
  return async (key) => {
    try {
      const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Body === undefined ? undefined : await Body.transformToByteArray();
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  };
}

/** RFC 3986 escaping, as SigV4 and S3 expect it in a query string. */
const escapeUri = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function formatUrl(request: HttpRequest): string {
  const query = Object.entries(request.query ?? {})
    .flatMap(([name, value]) => (value === null ? [escapeUri(name)] : [value].flat().map((entry) => `${escapeUri(name)}=${escapeUri(entry)}`)))
    .join('&');
  const port = request.port === undefined ? '' : `:${request.port}`;
  return `${request.protocol}//${request.hostname}${port}${request.path}${query === '' ? '' : `?${query}`}`;
}

/**
 * Adapter: a SigV4 presigned GetObject URL, built as `@aws-sdk/s3-request-presigner` builds it
 * (that package is not installed; `@smithy/signature-v4` ships with the SDK): the client's own
 * middleware stack resolves the endpoint and serialises the request, and instead of signing and
 * sending it, a middleware placed before the signer presigns it with an unsigned payload.
 */
export function buildLinkToDocumentFile(s3: S3Client, bucket: string): LinkToDocumentFile {
  const signer = new SignatureV4({
    service: 's3',
    region: s3.config.region,
    credentials: s3.config.credentials,
    sha256: s3.config.sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  return async (key, { expiresInSeconds, fileName, now = new Date() }) => {
    const input: GetObjectCommandInput = { Bucket: bucket, Key: key, ResponseContentDisposition: `inline; filename="${fileName}"` };
    const command = new GetObjectCommand(input);
    const stack = s3.middlewareStack.clone();
    stack.addRelativeTo(
      () => async (args: { request: unknown }) => {
        const request = args.request as HttpRequest;
        // SDK bookkeeping, and the response-checksum request a browser following the link cannot honour.
        for (const header of ['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent', 'x-amz-checksum-mode']) {
          delete request.headers[header];
        }
        request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
        request.headers.host = `${request.hostname}${request.port === undefined ? '' : `:${request.port}`}`;
        const presigned = await signer.presign(request, { expiresIn: expiresInSeconds, signingDate: now, unsignableHeaders: new Set(['content-type']) });
        return { response: {}, output: { $metadata: {}, presigned } };
      },
      { name: 'enlacePresignGetObject', relation: 'before', toMiddleware: 'awsAuthMiddleware', override: true },
    );
    const handler = command.resolveMiddleware(stack, s3.config, {});
    const { output } = (await handler({ input })) as unknown as { output: { presigned: HttpRequest } };
    return formatUrl(output.presigned);
  };
}
