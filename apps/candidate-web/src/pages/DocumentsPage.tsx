import { Alert, Button, Heading1, Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { api, ApiError, must } from '../api/client';
import type { DocumentView } from '../api/types';
import { useI18n } from '../i18n';
import { useDocuments } from '../queries';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { uploadFile } from '../upload';

interface Transfer {
  key: string;
  name: string;
  progress: number;
  phase: 'uploading' | 'checking' | 'done' | 'refused';
  error?: string;
}

const TYPE_LABEL: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

export default function DocumentsPage() {
  const { t, message, bytes, dateTime } = useI18n();
  const documents = useDocuments();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [dragging, setDragging] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const update = (key: string, patch: Partial<Transfer>) => setTransfers((list) => list.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      setTransfers((list) => [...list, { key, name: file.name, progress: 0, phase: 'uploading' }]);
      uploadFile(file, (f) => update(key, { progress: f, phase: f >= 1 ? 'checking' : 'uploading' })).then(
        () => {
          update(key, { phase: 'done', progress: 1 });
          void client.invalidateQueries({ queryKey: ['documents'] });
        },
        (err: unknown) => update(key, { phase: 'refused', error: err instanceof ApiError ? message(err.message) : t('error') }),
      );
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) start(e.dataTransfer.files);
  };
  const download = async (d: DocumentView) => {
    setActionError(null);
    try {
      const link = (await must(api.GET('/documents/{id}/download', { params: { path: { id: d.id } } }))) as unknown as { url: string };
      window.location.assign(link.url);
    } catch (err) {
      setActionError(err instanceof ApiError ? message(err.message) : t('error'));
    }
  };
  const remove = async (d: DocumentView) => {
    if (!window.confirm(`${t('deleteConfirm')}\n${d.filename}`)) return;
    setActionError(null);
    try {
      await must(api.DELETE('/documents/{id}', { params: { path: { id: d.id } } }));
      await client.invalidateQueries({ queryKey: ['documents'] });
    } catch (err) {
      setActionError(err instanceof ApiError ? message(err.message) : t('error'));
    }
  };
  const verified = (documents.data ?? []).filter((d) => d.status === 'verified');
  return (
    <>
      <Heading1>{t('documents')}</Heading1>
      <section aria-labelledby="upload-title">
        <Heading2 id="upload-title">{t('uploadTitle')}</Heading2>
        <div
          className={dragging ? 'rlp-drop rlp-drop--active' : 'rlp-drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="dropzone"
        >
          <Paragraph>{t('uploadIntro')}</Paragraph>
          <input
            ref={input}
            id="file-input"
            className="rlp-visually-hidden"
            type="file"
            aria-label={t('chooseFiles')}
            tabIndex={-1}
            multiple
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => {
              if (e.target.files?.length) start(e.target.files);
              e.target.value = '';
            }}
          />
          <Button appearance="secondary-action-button" onClick={() => input.current?.click()} aria-controls="file-input">
            {t('chooseFiles')}
          </Button>
          <p className="rlp-drop__hint" aria-hidden="true">
            {t('dropHere')}
          </p>
        </div>
        {transfers.length > 0 ? (
          <ul className="rlp-transfers" aria-live="polite">
            {transfers.map((x) => (
              <li key={x.key} data-phase={x.phase}>
                <span className="rlp-transfers__name">{x.name}</span>
                <progress max={100} value={Math.round(x.progress * 100)} aria-label={`${t('uploading')} ${x.name}`} />
                <span className="rlp-transfers__phase">
                  {x.phase === 'uploading' ? `${t('uploading')} ${Math.round(x.progress * 100)}%` : x.phase === 'checking' ? t('checking') : x.phase === 'done' ? t('uploaded') : `${t('refused')}: ${x.error ?? ''}`}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="list-title">
        <Heading2 id="list-title">{t('documents')}</Heading2>
        {actionError ? (
          <Alert type="error" role="alert">
            <Paragraph>{actionError}</Paragraph>
          </Alert>
        ) : null}
        {documents.isLoading ? <Loading /> : null}
        {documents.error ? <ErrorBox error={documents.error} retry={() => void documents.refetch()} /> : null}
        {documents.data && verified.length === 0 ? <Paragraph>{t('noDocuments')}</Paragraph> : null}
        {verified.length > 0 ? (
          <div className="rlp-table-scroll">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('fileName')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fileType')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fileSize')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('uploadedAt')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('checksum')}</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <span className="rlp-visually-hidden">{t('download')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {verified.map((d) => (
                  <TableRow key={d.id}>
                    <TableHeaderCell scope="row">{d.filename}</TableHeaderCell>
                    <TableCell>{TYPE_LABEL[d.contentType] ?? d.contentType}</TableCell>
                    <TableCell>{bytes(d.sizeBytes)}</TableCell>
                    <TableCell>{dateTime(d.verifiedAt ?? d.createdAt)}</TableCell>
                    <TableCell>
                      <code className="rlp-hash" title={d.sha256 ?? ''}>
                        {d.sha256?.slice(0, 16)}…
                      </code>
                    </TableCell>
                    <TableCell className="rlp-row-actions">
                      <Button appearance="subtle-button" onClick={() => void download(d)} aria-label={`${t('download')}: ${d.filename}`}>
                        {t('download')}
                      </Button>
                      <Button appearance="subtle-button" onClick={() => void remove(d)} aria-label={`${t('delete')}: ${d.filename}`}>
                        {t('delete')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
    </>
  );
}
