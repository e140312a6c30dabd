import type { PutDocumentFile } from './document-files';

/**
 * PutDocumentFile whose S3 client is created on the first put. The functions that render customs
 * documents (customs-documents, correct-order) store files only after rendering them, so, like
 * pdf-lib (domain/customs/pdf), the S3 client is loaded on the document path rather than at start-up:
 * a cold start that ends in a held order or a refused correction never loads it, and one that renders
 * pays the same as before, on its first render. This module imports nothing from the SDK itself.
 */
export function buildLazyPutDocumentFile(bucket: string): PutDocumentFile {
  let put: Promise<PutDocumentFile> | undefined;
  const load = async (): Promise<PutDocumentFile> => {
    const [{ S3Client }, { buildPutDocumentFile }] = await Promise.all([import('@aws-sdk/client-s3'), import('./document-put')]);
    return buildPutDocumentFile(new S3Client({}), bucket);
  };
  return async (key, bytes, contentType) => {
    // A load that failed is tried again by the next put, not kept.
    put ??= load().catch((error: unknown) => {
      put = undefined;
      throw error;
    });
    return (await put)(key, bytes, contentType);
  };
}
