import { api, ApiError, must } from './api/client';
import type { DocumentView, UploadTicket } from './api/types';

/**
 * The upload of ADR 0005 from a browser: ask for a presigned PUT, send the bytes straight to
 * storage (XMLHttpRequest, for its progress events), then let the server verify them.
 */
export async function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<DocumentView> {
  // Any other type is sent as it is: the server refuses it with a message the page shows.
  const contentType = (file.type || 'application/octet-stream') as 'application/pdf';
  const ticket = (await must(api.POST('/documents', { body: { filename: file.name, contentType, sizeBytes: file.size } }))) as unknown as UploadTicket;
  await new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', ticket.upload.url);
    for (const [k, v] of Object.entries(ticket.upload.headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, { code: 'UPLOAD_FAILED', message: 'Het uploaden is mislukt / The upload failed' })));
    xhr.onerror = () => reject(new ApiError(0, { code: 'UPLOAD_FAILED', message: 'Het uploaden is mislukt; controleer je verbinding / The upload failed; check your connection' }));
    xhr.send(file);
  });
  onProgress(1);
  return (await must(api.POST('/documents/{id}/confirm', { params: { path: { id: ticket.document.id } } }))) as unknown as DocumentView;
}
