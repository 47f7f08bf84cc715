import { InjectionToken } from '@angular/core';
import { koersRequestHeaders } from '../api/koers-client';

/** What the server answered an upload: its status and its JSON body (null when it sent none). */
export interface UploadAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * How a file goes to the server with progress: the request body is the file
 * itself (never read into memory here), its `Content-Type` the file's kind.
 * Rejects only when no answer came.
 */
export interface UploadTransport {
  send(url: string, file: Blob, contentType: string, onProgress: (sentBytes: number, totalBytes: number) => void): Promise<UploadAnswer>;
}

/**
 * An `XMLHttpRequest`: the one browser API that reports upload progress
 * (`upload.onprogress`); `fetch` cannot. Same origin, with the session cookie
 * and `X-Koers-Request`.
 */
export const xhrUploadTransport: UploadTransport = {
  send(url, file, contentType, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', url);
      request.withCredentials = true;
      request.setRequestHeader('content-type', contentType);
      for (const [name, value] of Object.entries(koersRequestHeaders)) request.setRequestHeader(name, value);
      request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      request.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(request.responseText) as unknown;
        } catch {
          body = null;
        }
        resolve({ status: request.status, body });
      };
      request.onerror = () => reject(new Error('no answer'));
      request.onabort = () => reject(new Error('aborted'));
      request.send(file);
    });
  },
};

/** The upload transport the app uses; specs answer uploads in memory. */
export const UPLOAD_TRANSPORT = new InjectionToken<UploadTransport>('UploadTransport', {
  providedIn: 'root',
  factory: () => xhrUploadTransport,
});
