import { registerDecoratorRenderer } from '../../../src/editor/decorators';
import type { ImageNode } from '../../../src/editor/nodes/ImageNode';
import type { JudgementNode } from '../../../src/editor/nodes/JudgementNode';
import { ImageView } from './ImageView';
import { JudgementView } from './JudgementView';

/** Gives the DOM-free decorator nodes of src/ their React views (once per window); citations paint their own element. */
export function registerDecorators(): void {
  registerDecoratorRenderer('image', (node) => {
    const image = node as ImageNode;
    return <ImageView imageId={image.__imageId} altText={image.__altText} />;
  });
  registerDecoratorRenderer('judgement', (node) => {
    const judgement = node as JudgementNode;
    return <JudgementView key={judgement.__judgementId} nodeKey={judgement.__key} judgementId={judgement.__judgementId} />;
  });
}
