import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { buildLazyPutDocumentFile } from '../../../../functions/shared/store/lazy-document-bucket';

/*
 * The document bucket as the rendering functions wire it: the S3 client is made on the first put
 * (functions/shared/store/lazy-document-bucket.ts), then every put is a PutObject in the bucket.
 */
const s3 = mockClient(S3Client);

beforeEach(() => s3.reset());

describe('buildLazyPutDocumentFile', () => {
  it('sends nothing until a file is put, then puts each file in the bucket with its content type', async () => {
    s3.on(PutObjectCommand).resolves({});
    const put = buildLazyPutDocumentFile('enlace-documents');
    expect(s3.calls()).toHaveLength(0);

    await put('orders/ord_1/v1/documents.bin', new Uint8Array([123, 125, 37, 80, 68, 70]), 'application/octet-stream');
    await put('orders/ord_1/v1/CN23.json', new Uint8Array([123, 125]), 'application/json');

    expect(s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input)).toEqual([
      {
        Bucket: 'enlace-documents',
        Key: 'orders/ord_1/v1/documents.bin',
        Body: new Uint8Array([123, 125, 37, 80, 68, 70]),
        ContentType: 'application/octet-stream',
      },
      { Bucket: 'enlace-documents', Key: 'orders/ord_1/v1/CN23.json', Body: new Uint8Array([123, 125]), ContentType: 'application/json' },
    ]);
  });

  it('passes a failed put on to the caller, and the next put is sent', async () => {
    s3.on(PutObjectCommand).rejectsOnce(new Error('SlowDown')).resolves({});
    const put = buildLazyPutDocumentFile('enlace-documents');
    await expect(put('a.pdf', new Uint8Array([1]), 'application/pdf')).rejects.toThrow('SlowDown');
    await expect(put('a.pdf', new Uint8Array([1]), 'application/pdf')).resolves.toBeUndefined();
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(2);
  });
});
