// Renderer features reach each other only through their index.ts, so what a feature offers the
// others is one short list and its other files may change without a search through the tree.
import path from 'node:path';

const INDEX = new Set(['', 'index', 'index.ts', 'index.tsx']);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'A feature folder is imported by other features only through its index.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          /** The folder whose sub-folders are features (`renderer`). */
          folder: { type: 'string' },
          /** Sub-folders any feature may import file by file: the frame and the shared pieces. */
          shared: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'folder', 'shared'],
        additionalProperties: false,
      },
    ],
    messages: {
      deep: '`{{from}}/` may import `{{to}}/` only through its index (`{{index}}`), not `{{target}}`.',
    },
  },
  create(context) {
    const { root, folder, shared } = context.options[0];
    const base = path.join(root, folder);
    const file = context.filename;
    const [from, ...inside] = path.relative(base, file).split(path.sep);
    // Files outside the folder, and the entry at its top (main.tsx), are not a feature.
    if (from.startsWith('..') || inside.length === 0) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const [to, ...rest] = path.relative(base, path.resolve(path.dirname(file), specifier)).split(path.sep);
      if (to.startsWith('..') || rest.length === 0 || to === from || shared.includes(to)) return;
      if (rest.length === 1 && INDEX.has(rest[0])) return;
      const index = path.relative(path.dirname(file), path.join(base, to)).split(path.sep).join('/');
      context.report({ node, messageId: 'deep', data: { from, to, index, target: specifier } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
