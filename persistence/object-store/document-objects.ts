import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { ObjectStoreSettings } from '../../config/object-store-settings';
import { ObjectStoreUnavailable, storeUnreachable } from './object-store-errors';

/** The variables the API reaches the store with (config/object-store-settings.ts). */
export type ObjectStoreConnection = Pick<
  ObjectStoreSettings,
  | 'OBJECT_STORE_ENDPOINT'
  | 'OBJECT_STORE_REGION'
  | 'OBJECT_STORE_BUCKET'
  | 'OBJECT_STORE_ACCESS_KEY_ID'
  | 'OBJECT_STORE_SECRET_ACCESS_KEY'
  | 'OBJECT_STORE_SSE'
>;

/** A stored document's bytes, as {@link DocumentObjects.open} hands them out. */
export interface OpenedObject {
  /** The bytes, streamed from the store: the caller pipes it on (or destroys it) so the connection is released. */
  body: Readable;
  /** Its length in bytes (Content-Length). */
  length: number;
  contentType: string | undefined;
  /** The SHA-256 (hex) recorded with the object at upload; undefined for an object this class did not write. */
  sha256: string | undefined;
}

/** One object of the bucket, as {@link DocumentObjects.list} walks them (the sweep for strays). */
export interface ListedObject {
  key: string;
  lastModified: Date;
  size: number;
}

/** A multipart upload begun and neither completed nor aborted: its parts take space, no listed object shows them. */
export interface UnfinishedUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

/** Parts of a multipart upload: the S3 minimum, so that a 20 MB document goes in four parts sent side by side. */
const PART_SIZE = 5 * 1024 * 1024;
/** A store that accepts no connection within this is down: the API answers 503 rather than hang. */
const CONNECT_TIMEOUT_MS = 3_000;
/** A socket silent this long (mid-upload or mid-download) counts as a store gone away. */
const IDLE_TIMEOUT_MS = 30_000;

/**
 * An S3 client of the document store as `connection` names it (path-style: SeaweedFS serves buckets by path), with
 * bounded retries and timeouts so a store that stops answering fails an upload instead of hanging it. Close it with
 * `destroy()`.
 */
export function s3ClientOf(connection: ObjectStoreConnection): S3Client {
  return new S3Client({
    endpoint: connection.OBJECT_STORE_ENDPOINT,
    region: connection.OBJECT_STORE_REGION,
    forcePathStyle: true,
    credentials: {
      accessKeyId: connection.OBJECT_STORE_ACCESS_KEY_ID,
      secretAccessKey: connection.OBJECT_STORE_SECRET_ACCESS_KEY,
    },
    maxAttempts: 3,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: IDLE_TIMEOUT_MS },
  });
}

/**
 * The one way to the object store holding case documents (issue 25; the API's, the worker's sweep's, the backup's):
 * an S3 bucket behind the AWS SDK v3 client, path-style (self-hosted stores such as SeaweedFS have no per-bucket host
 * names), private, every object written with server-side encryption unless OBJECT_STORE_SSE=off. Object keys are the
 * caller's: random UUIDs, never derived from a case, a file name or anything guessable — the store is never exposed,
 * and the keys must not help if it ever were. Objects are written once and never overwritten (a new version of a
 * document is a new object).
 */
export class DocumentObjects {
  private readonly client: S3Client;

  constructor(private readonly connection: ObjectStoreConnection) {
    this.client = s3ClientOf(connection);
  }

  private get bucket(): string {
    return this.connection.OBJECT_STORE_BUCKET;
  }

  /** Creates the bucket (private: no ACL, no policy) when it does not exist yet; the API calls it at start. */
  async ensureBucket(): Promise<void> {
    await this.call('ensureBucket', async () => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      } catch (error) {
        if (status(error) !== 404) throw error;
        await this.client
          .send(new CreateBucketCommand({ Bucket: this.bucket }))
          .catch((raced: unknown) =>
            errorName(raced) === 'BucketAlreadyOwnedByYou' ? undefined : Promise.reject(raced),
          );
      }
    });
  }

  /**
   * Stores `bytes` under `key` (a random UUID the caller made), with its content type and SHA-256 (hex, computed by
   * the caller on the way in; kept as the object's `sha256` metadata). Above 5 MB it goes as a multipart upload, which
   * is aborted when it fails: an interrupted upload leaves no object behind.
   */
  async put(key: string, bytes: Buffer, contentType: string, sha256: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        Metadata: { sha256 },
        ...(this.connection.OBJECT_STORE_SSE === 'off' ? {} : { ServerSideEncryption: 'AES256' as const }),
      },
      partSize: PART_SIZE,
      queueSize: 4,
      leavePartsOnError: false,
    });
    await this.call('put', () => upload.done());
  }

  /** The object under `key` as a stream with its length; undefined when there is none. */
  async open(key: string): Promise<OpenedObject | undefined> {
    return this.call('open', async () => {
      try {
        const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        return {
          body: object.Body as Readable,
          length: object.ContentLength ?? 0,
          contentType: object.ContentType,
          sha256: object.Metadata?.sha256,
        };
      } catch (error) {
        if (errorName(error) === 'NoSuchKey' || status(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Removes the object under `key`; removing one that is not there is no error (S3's own rule). */
  async remove(key: string): Promise<void> {
    await this.call('remove', () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  /** Every object of the bucket, page by page (for the sweep that removes objects no document record names). */
  async *list(): AsyncIterable<ListedObject> {
    let token: string | undefined;
    do {
      const page = await this.call('list', () =>
        this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token })),
      );
      for (const item of page.Contents ?? [])
        if (item.Key !== undefined)
          yield { key: item.Key, lastModified: item.LastModified ?? new Date(0), size: item.Size ?? 0 };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  /** Every multipart upload of the bucket never completed nor aborted (the sweep aborts those past its grace). */
  async *unfinishedUploads(): AsyncIterable<UnfinishedUpload> {
    let markers: { KeyMarker?: string; UploadIdMarker?: string } = {};
    for (;;) {
      const page = await this.call('list', () =>
        this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, ...markers })),
      );
      for (const item of page.Uploads ?? [])
        if (item.Key !== undefined && item.UploadId !== undefined)
          yield { key: item.Key, uploadId: item.UploadId, initiated: item.Initiated ?? new Date(0) };
      if (!page.IsTruncated) return;
      markers = { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker };
    }
  }

  /** Aborts an unfinished upload, its parts removed; one that is gone already (aborted, completed) is no error. */
  async abortUpload(key: string, uploadId: string): Promise<void> {
    await this.call('abortUpload', async () => {
      try {
        await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
      } catch (error) {
        if (errorName(error) !== 'NoSuchUpload' && status(error) !== 404) throw error;
      }
    });
  }

  /** Readiness: resolves when the bucket answers these credentials; any failure is {@link ObjectStoreUnavailable}. */
  async ping(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw new ObjectStoreUnavailable('ping', error);
    }
  }

  /** Closes the client's connections (the API's shutdown). */
  close(): void {
    this.client.destroy();
  }

  /** Runs one call, turning "the store is out of reach" into {@link ObjectStoreUnavailable}. */
  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw storeUnreachable(error) ? new ObjectStoreUnavailable(operation, error) : error;
    }
  }
}

const status = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
const errorName = (error: unknown): string | undefined => (error as { name?: string })?.name;
