import { dialog, type BrowserWindow } from 'electron';
import { WarrantError } from '../../src/contract/errors';
import type { NativeDialogs } from '../handlers';

const WORKSPACE_FILTERS = [{ name: 'Warrant workspace', extensions: ['warrant'] }];

function withExtension(path: string): string {
  return path.toLowerCase().endsWith('.warrant') ? path : `${path}.warrant`;
}

/** The desktop's file dialogs: paths are chosen here, in the main process, never by the page. */
export function createNativeDialogs(
  window: () => BrowserWindow | null,
): Required<NativeDialogs> & { pickCopyPath(defaultName: string): Promise<string> } {
  const save = async (title: string, defaultPath: string): Promise<string | null> => {
    const owner = window();
    const options = {
      title,
      defaultPath,
      filters: WORKSPACE_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : withExtension(result.filePath);
  };
  return {
    pickNewWorkspacePath: () => save('New workspace', 'Untitled.warrant'),
    async pickWorkspaceToOpen() {
      const owner = window();
      const options = { title: 'Open workspace', filters: WORKSPACE_FILTERS, properties: ['openFile'] as 'openFile'[] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickExportPath(defaultName, extension) {
      const owner = window();
      const options = {
        title: 'Export briefing',
        defaultPath: defaultName,
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath.toLowerCase().endsWith(`.${extension}`) ? result.filePath : `${result.filePath}.${extension}`;
    },
    async pickCopyPath(defaultName) {
      const path = await save('Save a copy of the workspace', defaultName);
      if (path === null) throw new WarrantError('cancelled', 'Save a copy: cancelled.');
      return path;
    },
  };
}
