import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  createCommand,
  PASTE_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { $createImageNode } from '../../../../src/editor/nodes/ImageNode';
import type { WarrantClient } from '../../../../src/contract/client';
import { useClient } from '../../../app/useClient';
import { errorMessage } from '../../../app/error-message';

/** Inserts an image already stored in the workspace. */
export const INSERT_IMAGE_COMMAND: LexicalCommand<{ imageId: string; altText: string }> = createCommand('INSERT_IMAGE_COMMAND');

/** Formats every export can embed as they are (DOCX takes PNG, JPEG and GIF, not WebP). */
const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/gif']);

/**
 * The file's bytes, re-encoded as PNG when it is another format the browser can draw (WebP),
 * so the image appears in the DOCX export too. A file the browser cannot decode goes up as it
 * is, for the host to accept or refuse with its own message.
 */
async function embeddable(file: File): Promise<{ bytes: Uint8Array; name: string }> {
  const name = file.name || 'image';
  if (EMBEDDABLE.has(file.type) || file.type === '') return { bytes: new Uint8Array(await file.arrayBuffer()), name };
  try {
    const bitmap = await createImageBitmap(file);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    const png = await canvas.convertToBlob({ type: 'image/png' });
    return { bytes: new Uint8Array(await png.arrayBuffer()), name: `${name.replace(/\.[A-Za-z0-9]+$/, '')}.png` };
  } catch {
    return { bytes: new Uint8Array(await file.arrayBuffer()), name };
  }
}

/** Stores a picked or pasted file in the workspace and returns its image id. */
export async function storeImage(client: WarrantClient, briefingId: string, file: File): Promise<string> {
  const { bytes, name } = await embeddable(file);
  const uploadId = await client.uploadFile(bytes, name);
  return (await client.call('briefings.addImage', { briefingId, uploadId })).imageId;
}

/** Image insertion, and pasted image files stored as bytes in the workspace. */
export function ImagesPlugin({ briefingId, onError }: { briefingId: string; onError: (message: string) => void }) {
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_IMAGE_COMMAND,
          ({ imageId, altText }) => {
            if (!$isRangeSelection($getSelection())) $getRoot().selectEnd();
            $insertNodes([$createImageNode(imageId, altText)]);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const files = 'clipboardData' in event ? Array.from(event.clipboardData?.files ?? []) : [];
            const images = files.filter((file) => file.type.startsWith('image/'));
            if (images.length === 0) return false;
            event.preventDefault();
            for (const file of images) {
              storeImage(client, briefingId, file).then(
                (imageId) => editor.dispatchCommand(INSERT_IMAGE_COMMAND, { imageId, altText: file.name || 'Pasted image' }),
                (failure: unknown) => onError(errorMessage(failure)),
              );
            }
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      ),
    [editor, client, briefingId, onError],
  );
  return null;
}
