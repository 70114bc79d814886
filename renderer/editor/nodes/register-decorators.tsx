import { registerDecoratorRenderer } from '../../../src/editor/decorators';
import type { CitationNode } from '../../../src/editor/nodes/CitationNode';
import type { ImageNode } from '../../../src/editor/nodes/ImageNode';
import type { JudgementNode } from '../../../src/editor/nodes/JudgementNode';
import { CitationView } from './CitationView';
import { ImageView } from './ImageView';
import { JudgementView } from './JudgementView';

/** Gives the DOM-free decorator nodes of src/ their React views (once per window). */
export function registerDecorators(): void {
  registerDecoratorRenderer('citation', (node) => {
    const citation = node as CitationNode;
    return <CitationView nodeKey={citation.__key} target={{ kind: citation.__targetKind, id: citation.__targetId }} />;
  });
  registerDecoratorRenderer('image', (node) => {
    const image = node as ImageNode;
    return <ImageView imageId={image.__imageId} altText={image.__altText} />;
  });
  registerDecoratorRenderer('judgement', (node) => {
    const judgement = node as JudgementNode;
    return <JudgementView key={judgement.__judgementId} nodeKey={judgement.__key} judgementId={judgement.__judgementId} />;
  });
}
