import { api, ApiError, must } from '../../api/client';
import type { Schemas } from '../../api/types';

/**
 * An upload of the office (ADR 0005, the same path as candidates' documents): ask for a presigned
 * PUT, send the bytes straight to storage, then let the server verify them. Returns the verified
 * document, or throws the server's refusal (wrong type, too large, …) as an ApiError.
 */
export async function uploadOfficeFile(file: File): Promise<Schemas['Document']> {
  // Any other type is sent as it is: the server refuses it with a message the page shows.
  const contentType = (file.type || 'application/octet-stream') as Schemas['RequestUploadDto']['contentType'];
  const ticket = await must(api.POST('/admin/documents', { body: { filename: file.name, contentType, sizeBytes: file.size } }));
  let put: Response;
  try {
    put = await fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: file });
  } catch {
    throw new ApiError(0, { code: 'UPLOAD_FAILED', message: 'Het uploaden is mislukt; controleer je verbinding / The upload failed; check your connection' });
  }
  if (!put.ok) throw new ApiError(put.status, { code: 'UPLOAD_FAILED', message: 'Het uploaden is mislukt / The upload failed' });
  return must(api.POST('/admin/documents/{id}/confirm', { params: { path: { id: ticket.document.id } } }));
}
