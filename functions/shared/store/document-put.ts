import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PutDocumentFile } from './document-files';

/**
 * Adapter: PutObject in the documents bucket (AWS_ENDPOINT_URL_S3 points the client at fauxqs locally).
 * A module of its own so the rendering functions load it, on their first document, without the
 * bucket's reads and presigned links (lazy-document-bucket.ts).
 */
export function buildPutDocumentFile(s3: S3Client, bucket: string): PutDocumentFile {
  return async (key, bytes, contentType) => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }));
  };
}
