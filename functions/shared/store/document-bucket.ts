import { GetObjectCommand, HeadObjectCommand, NoSuchKey, PutObjectCommand, type GetObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { sha256 } from '../../../domain/customs';
import { CONTENT_TYPES, type DocumentFileObject, type GetDocumentFile, type LinkToDocumentFile } from './document-files';
import { rangeHeader } from './document-pack';

export { buildPutDocumentFile } from './document-put';
export {
  CONTENT_TYPES,
  documentFileKey,
  packedDocumentsKey,
  type DocumentFileObject,
  type FileFormat,
  type GetDocumentFile,
  type LinkToDocumentFile,
  type PutDocumentFile,
} from './document-files';

/**
 * One GET of the file: of its own object, or of its range of the packed object (`Range`). The bytes
 * are checked against the size and hash the table recorded, so a wrong range (or an S3 answering a
 * whole object to a ranged GET) fails loudly instead of serving the wrong bytes.
 */
async function readFile(s3: S3Client, bucket: string, file: DocumentFileObject): Promise<Uint8Array | undefined> {
  const input: GetObjectCommandInput =
    file.packed === undefined ? { Bucket: bucket, Key: file.key } : { Bucket: bucket, Key: file.packed.key, Range: rangeHeader(file.packed.range) };
  let bytes: Uint8Array | undefined;
  try {
    const { Body } = await s3.send(new GetObjectCommand(input));
    bytes = Body === undefined ? undefined : await Body.transformToByteArray();
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
  if (bytes !== undefined && (bytes.byteLength !== file.sizeBytes || sha256(bytes) !== file.sha256)) {
    throw new Error(`document file ${file.key}: read ${bytes.byteLength} bytes (${input.Range ?? 'whole object'}) that are not the stored file`);
  }
  return bytes;
}

export function buildGetDocumentFile(s3: S3Client, bucket: string): GetDocumentFile {
  return (file) => readFile(s3, bucket, file);
}

/** Whether the file's own object is there, whole. HEAD on a missing key is a 404 only with s3:ListBucket (403 without). */
async function hasOwnObject(s3: S3Client, bucket: string, file: DocumentFileObject): Promise<boolean> {
  try {
    const { ContentLength } = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: file.key }));
    return ContentLength === file.sizeBytes;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/**
 * A packed file gets its own object the first time a link to it is asked for: a HEAD finds it there
 * afterwards (a GET-priced request), otherwise its range is read and PUT at its own key. The key and
 * bytes are fixed by the order version, so two links asked at once write the same object.
 */
async function materialise(s3: S3Client, bucket: string, file: DocumentFileObject): Promise<void> {
  if (file.packed === undefined || (await hasOwnObject(s3, bucket, file))) return;
  const bytes = await readFile(s3, bucket, file);
  if (bytes === undefined) {
    throw new Error(`document file ${file.key}: its packed object ${file.packed.key} is missing from the bucket`);
  }
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: file.key, Body: bytes, ContentType: CONTENT_TYPES[file.format] }));
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
 * sending it, a middleware placed before the signer presigns it with an unsigned payload. The URL
 * names the file's own object, which a packed file gets on its first link (materialise).
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
  return async (file, { expiresInSeconds, fileName, now = new Date() }) => {
    await materialise(s3, bucket, file);
    const input: GetObjectCommandInput = { Bucket: bucket, Key: file.key, ResponseContentDisposition: `inline; filename="${fileName}"` };
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
