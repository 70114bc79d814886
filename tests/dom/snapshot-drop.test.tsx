import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../../src/contract/client';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { SnapshotAttach } from '../../renderer/library/SnapshotAttach';
import { JobsProvider } from '../../renderer/shell/JobsProvider';
import { ToastProvider } from '../../renderer/shell/ToastProvider';
import { inProcessHostPerFile } from './support/hosts';

// The snapshot panel over the real dispatcher, a real workspace file and the real capture job.
const host = inProcessHostPerFile();

describe('dropping a file on the snapshot panel', () => {
  it('captures it once; a second file dropped while that capture runs is turned away, as the disabled picker would', async () => {
    const source = await host.value<{ id: string }>('sources.create', { draft: { title: 'Dropped twice', kind: 'news_report' } });
    const uploaded: string[] = [];
    const transport: Transport = {
      ...host.transport,
      uploadFile: (bytes, name) => {
        uploaded.push(name);
        return host.transport.uploadFile(bytes, name);
      },
    };
    render(
      <ClientProvider client={createClient(transport)}>
        <ToastProvider>
          <JobsProvider>
            <SnapshotAttach sourceId={source.id} />
          </JobsProvider>
        </ToastProvider>
      </ClientProvider>,
    );
    const zone = screen.getByText('…or drop a file here').parentElement as HTMLElement;
    const drop = (name: string, html: string): void => {
      fireEvent.drop(zone, { dataTransfer: { files: [new File([html], name, { type: 'text/html' })] } });
    };
    drop('first.html', '<title>First</title><p>The first capture.</p>');
    expect((screen.getByLabelText('Snapshot file') as HTMLInputElement).disabled).toBe(true);
    drop('second.html', '<title>Second</title><p>A second file, dropped too soon.</p>');
    await screen.findAllByText('Snapshot captured.');
    await waitFor(() => expect((screen.getByLabelText('Snapshot file') as HTMLInputElement).disabled).toBe(false));
    expect(uploaded).toEqual(['first.html']);
    expect(screen.getAllByText('Snapshot captured.')).toHaveLength(1);
    const captures = await host.value<{ items: { fileName: string }[] }>('snapshots.list', { sourceId: source.id });
    expect(captures.items.map((capture) => capture.fileName)).toEqual(['first.html']);
  });
});
